package io.tenantportal.tenant;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PUT /tenants/{tenantId}/refs}: the customer's complete list of PSA references. */
@Schema(name = "RefsInput", example = "{\"refs\": [{\"system\": \"halopsa\", \"id\": \"12\"}]}")
public record RefsInput(
        @Size(max = PsaRef.MAX_PER_CUSTOMER, message = "must hold at most {max} references")
        List<@NotNull(message = PsaRef.SHAPE_RULE) @Valid PsaRef> refs) {

    public List<PsaRef> refsOrEmpty() {
        return refs == null ? List.of() : refs;
    }
}
