package io.tenantportal.directory;

import java.util.List;

import io.tenantportal.tenant.DirectoryEntry;

/** One page of a customer list: the valid entries, and how many entries were unusable (bad id or name). */
public record DirectoryPage(List<DirectoryEntry> entries, int invalid) {

    public DirectoryPage {
        entries = List.copyOf(entries);
    }
}
