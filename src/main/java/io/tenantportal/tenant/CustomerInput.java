package io.tenantportal.tenant;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code PUT /tenants/{tenantId}}. Read-only members of a customer (createdAt, ...) are
 * ignored, so what a GET returned can be sent back unchanged.
 */
@Schema(name = "CustomerInput", example = """
        {"displayName": "Contoso Ltd", "defaultDomain": "contoso.com", "initialDomain": "contoso.onmicrosoft.com",
         "domains": ["contoso.com", "contoso.co.uk"], "aliases": ["Contoso", "CONTOSO-UK"],
         "refs": [{"system": "connectwise", "id": "250"}]}""")
public record CustomerInput(
        @Schema(description = "Optional; when present it must equal the tenant id in the path") String tenantId,
        String displayName,
        String defaultDomain,
        String initialDomain,
        List<String> domains,
        List<String> aliases,
        @Schema(description = "PSA references; each unique per MSSP and system") List<PsaRef> refs,
        @Schema(description = "manual (default) or import; graph is set by sync only") String source,
        @Schema(description = "SharePoint tenant name (lower-case letters and digits) when it is not the initial "
                + "domain's first label") String sharepointName) {

    public static final int MAX_DOMAINS = 200;
    public static final int MAX_ALIASES = 50;

    public List<String> domainsOrEmpty() {
        return domains == null ? List.of() : domains;
    }

    public List<String> aliasesOrEmpty() {
        return aliases == null ? List.of() : aliases;
    }

    public List<PsaRef> refsOrEmpty() {
        return refs == null ? List.of() : refs;
    }
}
