package io.tenantportal.directory;

import java.util.UUID;

/** The tenant a domain belongs to, as Graph's tenant information names it. */
public record DirectoryTenant(UUID tenantId, String displayName) {
}
