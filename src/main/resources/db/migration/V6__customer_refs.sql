-- A PSA or ticketing system's own id for a customer ("halopsa:12"), so those tools can resolve and
-- link customers by the id they know. The customer row lists its references (like aliases); the
-- rows here make them unique per MSSP and system among live customers, enforced by the database.
ALTER TABLE customer ADD COLUMN refs TEXT[] NOT NULL DEFAULT '{}';

CREATE TABLE customer_ref (
    id          BIGSERIAL PRIMARY KEY,
    mssp_id     BIGINT      NOT NULL REFERENCES mssp (id),
    customer_id BIGINT      NOT NULL REFERENCES customer (id),
    system      TEXT        NOT NULL,
    ref_id      TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    deleted_at  TIMESTAMPTZ,
    CONSTRAINT customer_ref_system_known
        CHECK (system ~ '^(connectwise|autotask|halopsa|servicenow|x-[a-z0-9-]{1,30})$'),
    CONSTRAINT customer_ref_id_length CHECK (char_length(ref_id) BETWEEN 1 AND 128)
);
CREATE UNIQUE INDEX customer_ref_live_unique ON customer_ref (mssp_id, system, ref_id) WHERE deleted_at IS NULL;
CREATE INDEX customer_ref_live_customer ON customer_ref (customer_id) WHERE deleted_at IS NULL;

CREATE TRIGGER customer_ref_changed AFTER INSERT OR UPDATE OR DELETE ON customer_ref
    FOR EACH ROW EXECUTE FUNCTION tenantportal_notify_customer_change();
