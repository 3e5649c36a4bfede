-- Trigram similarity powers "did you mean" suggestions and substring search over names.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- One row per MSSP configured under tenantportal.mssps; kept in step with configuration at start-up.
CREATE TABLE mssp (
    id           BIGSERIAL PRIMARY KEY,
    mssp_key     TEXT        NOT NULL,
    tenant_id    UUID        NOT NULL,
    display_name TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT mssp_key_unique UNIQUE (mssp_key),
    CONSTRAINT mssp_tenant_unique UNIQUE (tenant_id)
);

-- A customer tenant of one MSSP. Deleting sets deleted_at; the row stays.
CREATE TABLE customer (
    id             BIGSERIAL PRIMARY KEY,
    mssp_id        BIGINT      NOT NULL REFERENCES mssp (id),
    tenant_id      UUID        NOT NULL,
    display_name   TEXT        NOT NULL,
    default_domain TEXT,
    initial_domain TEXT,
    domains        TEXT[]      NOT NULL DEFAULT '{}',
    aliases        TEXT[]      NOT NULL DEFAULT '{}',
    source         TEXT        NOT NULL,
    verified_at    TIMESTAMPTZ,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    deleted_at     TIMESTAMPTZ,
    version        BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT customer_source_known CHECK (source IN ('manual', 'graph', 'import')),
    CONSTRAINT customer_display_name_length CHECK (char_length(display_name) BETWEEN 1 AND 256)
);

-- One live customer per (MSSP, tenant id); deleted rows may repeat.
CREATE UNIQUE INDEX customer_live_tenant_unique ON customer (mssp_id, tenant_id) WHERE deleted_at IS NULL;
CREATE INDEX customer_live_by_mssp ON customer (mssp_id, lower(display_name)) WHERE deleted_at IS NULL;

-- Every name that reaches a customer (display name, alias, domain), with its normalised key
-- (see NameKey) and the looser key used only when the exact key finds nothing.
CREATE TABLE customer_name (
    id          BIGSERIAL PRIMARY KEY,
    mssp_id     BIGINT      NOT NULL REFERENCES mssp (id),
    customer_id BIGINT      NOT NULL REFERENCES customer (id),
    kind        TEXT        NOT NULL,
    name        TEXT        NOT NULL,
    name_key    TEXT        NOT NULL,
    loose_key   TEXT,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    deleted_at  TIMESTAMPTZ,
    CONSTRAINT customer_name_kind_known CHECK (kind IN ('display_name', 'alias', 'domain'))
);

-- One live customer per (MSSP, name key): a name can never point at two customers.
CREATE UNIQUE INDEX customer_name_live_key_unique ON customer_name (mssp_id, name_key) WHERE deleted_at IS NULL;
CREATE INDEX customer_name_live_loose ON customer_name (mssp_id, loose_key) WHERE deleted_at IS NULL AND loose_key IS NOT NULL;
CREATE INDEX customer_name_live_customer ON customer_name (customer_id) WHERE deleted_at IS NULL;
CREATE INDEX customer_name_key_trgm ON customer_name USING gin (name_key gin_trgm_ops) WHERE deleted_at IS NULL;

-- Who changed which mapping, and when.
CREATE TABLE audit_event (
    id          BIGSERIAL PRIMARY KEY,
    mssp_id     BIGINT      NOT NULL REFERENCES mssp (id),
    occurred_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    actor       TEXT        NOT NULL,
    action      TEXT        NOT NULL,
    tenant_id   UUID,
    detail      TEXT
);
CREATE INDEX audit_event_by_mssp ON audit_event (mssp_id, occurred_at DESC, id DESC);
