package io.tenantportal.mssp;

import java.util.UUID;

/** A configured MSSP as the rest of the code sees it: its database id scopes every query. */
public record Mssp(long id, String key, UUID tenantId, String displayName) {
}
