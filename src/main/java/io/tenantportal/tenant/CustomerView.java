package io.tenantportal.tenant;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A customer as the API shows it. */
@Schema(name = "Customer", example = """
        {"tenantId": "2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01", "displayName": "Contoso Ltd",
         "defaultDomain": "contoso.com", "initialDomain": "contoso.onmicrosoft.com", "domains": ["contoso.com"],
         "aliases": ["Contoso", "CONTOSO-UK"], "refs": [{"system": "connectwise", "id": "250"}], "source": "manual", "verifiedAt": null,
         "createdAt": "2026-11-27T10:00:00Z", "updatedAt": "2026-11-27T10:00:00Z", "goneFromDirectoryAt": null}""")
public record CustomerView(
        String tenantId,
        String displayName,
        String defaultDomain,
        String initialDomain,
        List<String> domains,
        List<String> aliases,
        @Schema(description = "PSA references, e.g. [{\"system\": \"halopsa\", \"id\": \"12\"}]") List<PsaRef> refs,
        String source,
        Instant verifiedAt,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "When a Graph sync last found the customer missing from the MSSP's customer list; "
                + "null while Graph lists it") Instant goneFromDirectoryAt,
        @Schema(description = "SharePoint tenant name, as in <name>-admin.sharepoint.com; null: the initial "
                + "domain's first label") String sharepointName) {

    static List<PsaRef> refs(String[] stored) {
        // most customers have none: the shared empty list rather than one each (the name index holds every customer)
        return stored.length == 0 ? List.of()
                : java.util.Arrays.stream(stored).map(PsaRef::fromStored).flatMap(java.util.Optional::stream).toList();
    }

    static CustomerView of(Customer c) {
        return new CustomerView(c.tenantId.toString(), c.displayName, c.defaultDomain, c.initialDomain,
                List.of(c.domains), List.of(c.aliases), refs(c.refs), c.source.wire(), c.verifiedAt, c.createdAt, c.updatedAt,
                c.goneFromDirectoryAt, c.sharepointName);
    }
}
