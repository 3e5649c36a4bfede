package io.tenantportal.portal;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tenantportal.tenant.PsaRef;

/** The body of {@code POST /resolve}: up to {@value #MAX_ITEMS} names and PSA references, and one portal for all. */
@Schema(name = "BulkResolveRequest", example = """
        {"portal": "defender", "items": [{"name": "Contoso"}, {"ref": {"system": "halopsa", "id": "12"}}]}""")
public record BulkResolveRequest(
        @Schema(description = "defender (default) or any portal of the catalogue") String portal,
        @NotNull(message = "must list the names and references to resolve")
        @Size(max = BulkResolveRequest.MAX_ITEMS, message = "must hold at most " + BulkResolveRequest.MAX_ITEMS
                + " items; split larger lists into several calls") List<Item> items) {

    public static final int MAX_ITEMS = 1_000;

    /** One thing to resolve: either a name (any name a customer is known by) or a PSA reference. */
    public record Item(String name, PsaRef ref) {
    }
}
