package io.tenantportal.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.tenantportal.mssp.CallerMssp;
import io.tenantportal.mssp.Mssp;
import io.tenantportal.mssp.Roles;
import io.tenantportal.problem.Params;

@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who changed which mapping, and when")
@SecurityRequirement(name = "bearer")
public class AuditResource {

    @Inject
    CallerMssp caller;

    @Inject
    AuditLog audit;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Read the caller's MSSP's audit log, newest first")
    @APIResponse(responseCode = "200", description = "A page of audit entries", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "page", value = """
                    {"items": [{"occurredAt": "2026-11-27T10:00:00Z", "actor": "ticket-sync",
                      "action": "customer.created", "tenantId": "2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01",
                      "detail": "Contoso Ltd"}], "page": 0, "size": 50, "total": 1}""")))
    public AuditLog.AuditPage list(@QueryParam("page") @DefaultValue("0") String page,
            @QueryParam("size") @DefaultValue("50") String size) {
        Mssp mssp = caller.get();
        return audit.page(mssp.id(), Params.page(page), Params.pageSize(size));
    }
}
