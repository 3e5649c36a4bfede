package io.tenantportal.tenant;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PUT /tenants/{tenantId}/refs}: the customer's complete list of PSA references. */
@Schema(name = "RefsInput", example = "{\"refs\": [{\"system\": \"halopsa\", \"id\": \"12\"}]}")
public record RefsInput(List<PsaRef> refs) {

    public List<PsaRef> refsOrEmpty() {
        return refs == null ? List.of() : refs;
    }
}
