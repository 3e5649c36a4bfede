package io.tenantportal.tenant;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code PUT /tenants/{tenantId}}. Read-only members of a customer (createdAt, ...) are
 * ignored, so what a GET returned can be sent back unchanged. The constraints are the rules of PUT and
 * of each import row; {@link CustomerDraft#from} normalises a body that passed them.
 */
@Schema(name = "CustomerInput", example = """
        {"displayName": "Contoso Ltd", "defaultDomain": "contoso.com", "initialDomain": "contoso.onmicrosoft.com",
         "domains": ["contoso.com", "contoso.co.uk"], "aliases": ["Contoso", "CONTOSO-UK"],
         "refs": [{"system": "connectwise", "id": "250"}]}""")
public record CustomerInput(
        @Schema(description = "Optional; when present it must equal the tenant id in the path") String tenantId,
        @ValidName String displayName,
        @ValidDomain String defaultDomain,
        @ValidInitialDomain String initialDomain,
        @Size(max = CustomerInput.MAX_DOMAINS, message = "must hold at most {max} domains")
        List<@NotNull @ValidDomain String> domains,
        @Size(max = CustomerInput.MAX_ALIASES, message = "must hold at most {max} aliases")
        List<@ValidName String> aliases,
        @Schema(description = "PSA references; each unique per MSSP and system")
        @Size(max = PsaRef.MAX_PER_CUSTOMER, message = "must hold at most {max} references")
        List<@NotNull(message = PsaRef.SHAPE_RULE) @Valid PsaRef> refs,
        @Schema(description = "manual (default) or import; graph is set by sync only") @ValidSource String source,
        @Schema(description = "SharePoint tenant name (lower-case letters and digits) when it is not the initial "
                + "domain's first label") @ValidSharepointName String sharepointName) {

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
