package io.tenantportal.tenant;

import java.util.List;
import java.util.UUID;

/**
 * What a directory (Microsoft Graph) says about one customer of an MSSP, already validated: a display
 * name that passed {@link NameKey#requireValid}, domains that passed {@link DomainName#parse}.
 */
public record DirectoryEntry(UUID tenantId, String displayName, String defaultDomain, List<String> domains) {

    public DirectoryEntry {
        domains = List.copyOf(domains);
    }
}
