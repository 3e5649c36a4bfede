package io.tenantportal.portal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.tenantportal.mssp.CallerMssp;
import io.tenantportal.mssp.Roles;
import io.tenantportal.problem.Problem;

@Path("/resolve")
@Tag(name = "Portal")
@SecurityRequirement(name = "bearer")
public class BulkResolveResource {

    @Inject
    CallerMssp caller;

    @Inject
    BulkResolver resolver;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.READ, Roles.ADMIN })
    @Operation(summary = "Resolve up to 1,000 names and PSA references in one call", description = "One result per "
            + "item, in input order, each what the single call would have said: 200 with the portal URL, 404 with "
            + "suggestions (none for references), 409 with candidates, 400 with the reason, 503 with retryAfter. "
            + "Names unknown locally share at most one refresh of the MSSP's Microsoft Graph directory.")
    @APIResponse(responseCode = "200", description = "One result per item", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BulkResolveResult.class)))
    @APIResponse(responseCode = "400", description = "More than 1,000 items, no items, or an unknown portal",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "too many", value = """
                    {"type": "urn:tenant-portal:problem:invalid-request", "title": "Invalid request", "status": 400,
                     "detail": "items: must hold at most 1000 items; split larger lists into several calls",
                     "errors": [{"field": "items", "message": "must hold at most 1000 items; split larger lists into several calls"}]}""")))
    public BulkResolveResult resolve(@NotNull(message = "a JSON body with items is required") @Valid BulkResolveRequest body) {
        return resolver.resolve(caller.get(), caller.actor(), body);
    }
}
