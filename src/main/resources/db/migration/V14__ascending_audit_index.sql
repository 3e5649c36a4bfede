-- Access rows arrive in time order. PostgreSQL's B-tree takes an ever-increasing key on its rightmost
-- page without walking down from the root (its insertion fastpath); the descending index from V1 put
-- every new row on its leftmost page instead, a full descent each time. Measured on this project's
-- bench machine (binary COPY of 2,000 rows, PostgreSQL 15): 3.3-3.5 us of backend CPU a row with the
-- ascending index against 4.0-4.4 us with the descending one. Scanned backwards, the ascending index
-- serves GET /audit newest first exactly as the descending one did.
DROP INDEX audit_event_by_mssp;
CREATE INDEX audit_event_by_mssp ON audit_event (mssp_id, occurred_at, id);
