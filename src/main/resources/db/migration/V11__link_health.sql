-- GDAP link health (README "Link health"): per MSSP, its delegated admin relationships as the last
-- successful Graph read saw them, reduced to what the verdicts need, and the state of those reads.
-- A sync replaces an MSSP's rows in one transaction, so readers see the old set or the new one.
CREATE TABLE gdap_relationship (
    mssp_id            BIGINT      NOT NULL REFERENCES mssp (id),
    relationship_id    TEXT        NOT NULL,
    display_name       TEXT        NOT NULL,
    customer_tenant_id UUID        NOT NULL,
    status             TEXT        NOT NULL,
    ends_at            TIMESTAMPTZ,
    auto_extends       BOOLEAN     NOT NULL,
    -- Role template ids that an ACTIVE access assignment carries and the relationship itself grants.
    granted_roles      UUID[]      NOT NULL,
    PRIMARY KEY (mssp_id, relationship_id),
    CONSTRAINT gdap_relationship_id_shape CHECK (relationship_id ~ '^[A-Za-z0-9-]{1,128}$'),
    CONSTRAINT gdap_relationship_status_shape CHECK (status ~ '^[A-Za-z]{1,40}$')
);
CREATE INDEX gdap_relationship_by_customer ON gdap_relationship (mssp_id, customer_tenant_id);

-- One row per MSSP once Graph was asked: when the relationships were last read completely, and
-- how the last attempt failed, if it did. `version` grows with every change, so each replica sees
-- with one cheap query whether it must reload.
CREATE TABLE gdap_read_state (
    mssp_id      BIGINT      PRIMARY KEY REFERENCES mssp (id),
    checked_at   TIMESTAMPTZ,
    failed_at    TIMESTAMPTZ,
    failure      TEXT,
    relationships INTEGER    NOT NULL DEFAULT 0,
    version      BIGINT      NOT NULL DEFAULT 1,
    CONSTRAINT gdap_read_state_failure_known CHECK (failure IS NULL OR failure IN ('forbidden', 'unavailable')),
    CONSTRAINT gdap_read_state_failure_dated CHECK ((failure IS NULL) = (failed_at IS NULL))
);

-- A sync report says how reading the relationships went: read (with how many), forbidden (403: grant
-- DelegatedAdminRelationship.Read.All) or unavailable; null for a dry run or an MSSP without Graph.
ALTER TABLE sync_report
    ADD COLUMN relationships         INTEGER,
    ADD COLUMN relationships_outcome TEXT,
    ADD CONSTRAINT sync_report_relationships_outcome_known
        CHECK (relationships_outcome IS NULL OR relationships_outcome IN ('read', 'forbidden', 'unavailable'));
