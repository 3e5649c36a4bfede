-- Integrations: named API keys of PSA and ticketing tools, each with one role, scoped to one MSSP.
-- Revoking sets revoked_at; the row stays, so the audit log keeps naming it.
CREATE TABLE integration (
    id           UUID        PRIMARY KEY,
    mssp_id      BIGINT      NOT NULL REFERENCES mssp (id),
    name         TEXT        NOT NULL,
    role         TEXT        NOT NULL,
    created_by   TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at   TIMESTAMPTZ,
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ,
    CONSTRAINT integration_role_known CHECK (role IN ('Portal.Read', 'Portal.Admin')),
    CONSTRAINT integration_name_length CHECK (char_length(name) BETWEEN 1 AND 100)
);
-- One live (not revoked) integration per MSSP and name, compared without case.
CREATE UNIQUE INDEX integration_live_name_unique ON integration (mssp_id, lower(name)) WHERE revoked_at IS NULL;

-- The keys of an integration: only their SHA-256 hash is stored. After a rotation the old key
-- retires at the end of its grace period; the current key has no retires_at.
CREATE TABLE integration_key (
    id             BIGSERIAL   PRIMARY KEY,
    integration_id UUID        NOT NULL REFERENCES integration (id),
    key_hash       BYTEA       NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    retires_at     TIMESTAMPTZ,
    CONSTRAINT integration_key_hash_unique UNIQUE (key_hash),
    CONSTRAINT integration_key_hash_length CHECK (octet_length(key_hash) = 32)
);
CREATE INDEX integration_key_by_integration ON integration_key (integration_id);

-- A change counter every replica polls: each create, rotate and revoke bumps it in its own
-- transaction, so a replica that sees a new value reloads its in-memory keys. A row (not a
-- sequence, not max(timestamp)) because it becomes visible only with the commit, in commit order.
CREATE TABLE integration_change (
    id      SMALLINT PRIMARY KEY,
    version BIGINT   NOT NULL,
    CONSTRAINT integration_change_single_row CHECK (id = 1)
);
INSERT INTO integration_change (id, version) VALUES (1, 0);

-- The audit log now holds two kinds of entries: 'change' (a mapping or integration written, as
-- before) and 'access' (a resolve: who asked for which customer or name, which portal, what status).
-- actor stays the actor's name; actor_type and actor_id say whether it is a person, a key or the service.
ALTER TABLE audit_event
    ADD COLUMN kind       TEXT NOT NULL DEFAULT 'change',
    ADD COLUMN actor_type TEXT NOT NULL DEFAULT 'user',
    ADD COLUMN actor_id   UUID,
    ADD COLUMN name       TEXT,
    ADD COLUMN portal     TEXT,
    ADD COLUMN status     INTEGER,
    ALTER COLUMN action DROP NOT NULL;
-- The directory sync and lookup wrote their changes under these fixed names.
UPDATE audit_event SET actor_type = 'system' WHERE actor IN ('graph-sync', 'graph-lookup');
ALTER TABLE audit_event
    ALTER COLUMN kind DROP DEFAULT,
    ALTER COLUMN actor_type DROP DEFAULT,
    ADD CONSTRAINT audit_event_kind_known CHECK (kind IN ('access', 'change')),
    ADD CONSTRAINT audit_event_actor_type_known CHECK (actor_type IN ('user', 'integration', 'system')),
    ADD CONSTRAINT audit_event_change_has_action CHECK (kind <> 'change' OR action IS NOT NULL),
    ADD CONSTRAINT audit_event_access_has_status CHECK (kind <> 'access' OR status IS NOT NULL),
    ADD CONSTRAINT audit_event_name_length CHECK (char_length(name) <= 100);

-- GET /audit filters by customer and by actor within an MSSP, newest first; the purge by age.
CREATE INDEX audit_event_by_tenant ON audit_event (mssp_id, tenant_id, occurred_at DESC, id DESC)
    WHERE tenant_id IS NOT NULL;
CREATE INDEX audit_event_by_actor ON audit_event (mssp_id, lower(actor), occurred_at DESC, id DESC);
CREATE INDEX audit_event_by_actor_id ON audit_event (mssp_id, actor_id, occurred_at DESC, id DESC)
    WHERE actor_id IS NOT NULL;
CREATE INDEX audit_event_by_age ON audit_event (occurred_at);
