-- The SharePoint tenant name (as in <name>-admin.sharepoint.com) where it differs from the initial
-- domain's first label; null means "take it from the initial domain". Letters and digits only, so that it
-- is always safe in a host name (io.tenantportal.tenant.SharepointName).
ALTER TABLE customer ADD COLUMN sharepoint_name TEXT
    CONSTRAINT customer_sharepoint_name_valid CHECK (sharepoint_name ~ '^[a-z0-9]{1,57}$');

-- Customer tenants whose initial domain could not be read from Graph (the MSSP's app is not consented
-- there, or lacks Domain.Read.All): the sync asks again only after tenantportal.sync.initial-domain-retry.
-- A table of its own, so this bookkeeping never touches the customer row (nor wakes every replica's index).
CREATE TABLE initial_domain_lookup (
    mssp_id    BIGINT      NOT NULL REFERENCES mssp (id),
    tenant_id  UUID        NOT NULL,
    failed_at  TIMESTAMPTZ NOT NULL,
    reason     TEXT        NOT NULL,
    PRIMARY KEY (mssp_id, tenant_id),
    CONSTRAINT initial_domain_lookup_reason_length CHECK (char_length(reason) <= 200)
);
