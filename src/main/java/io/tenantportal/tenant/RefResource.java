package io.tenantportal.tenant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.tenantportal.audit.AccessLog;
import io.tenantportal.audit.AccessRecord;
import io.tenantportal.limits.MissLimiter;
import io.tenantportal.limits.TooManyMissesException;
import io.tenantportal.mssp.CallerMssp;
import io.tenantportal.mssp.Mssp;
import io.tenantportal.mssp.Roles;
import io.tenantportal.problem.Problem;

@Path("/refs/{system}/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "References", description = "Customers found by a PSA's own company id")
@SecurityRequirement(name = "bearer")
public class RefResource {

    @Inject
    CallerMssp caller;

    @Inject
    TenantResolver resolver;

    @Inject
    AccessLog access;

    @Inject
    MissLimiter limiter;

    @GET
    @RolesAllowed({ Roles.READ, Roles.ADMIN })
    @Operation(summary = "Get the customer a PSA reference names", description = "The reference is the PSA's own "
            + "company id, compared exactly: GET /refs/connectwise/250.")
    @APIResponse(responseCode = "200", description = "The customer", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomerView.class)))
    @APIResponse(responseCode = "400", description = "Unknown system or malformed id", content = @Content(
            mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "unknown system", value = """
                    {"type": "urn:tenant-portal:problem:invalid-request", "title": "Invalid request", "status": 400,
                     "detail": "system: must be connectwise, autotask, halopsa, servicenow, or x- followed by 1-30 of a-z, 0-9 and -",
                     "errors": [{"field": "system", "message": "must be connectwise, autotask, halopsa, servicenow, or x- followed by 1-30 of a-z, 0-9 and -"}]}""")))
    @APIResponse(responseCode = "404", description = "No customer of the MSSP carries the reference (no suggestions)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "unknown", value = """
                    {"type": "urn:tenant-portal:problem:reference-not-found", "title": "Reference not found", "status": 404,
                     "detail": "No customer of this MSSP carries that reference; add it to the customer with PUT /tenants/{tenantId} or an import."}""")))
    public CustomerView get(@Parameter(example = "connectwise") @PathParam("system") String system,
            @Parameter(example = "250") @PathParam("id") String id) {
        Mssp mssp = caller.get();
        String asked = system + ":" + id;
        try {
            CustomerView customer = resolve(resolver, mssp, system, id);
            access.record(mssp, caller.actor(), AccessRecord.resolved(java.util.UUID.fromString(customer.tenantId()),
                    null, 200));
            return customer;
        } catch (RuntimeException e) {
            RuntimeException answered = e;
            try {
                limiter.chargeFor(mssp, caller.actor(), e);
            } catch (TooManyMissesException tooMany) {
                answered = tooMany;
            }
            access.record(mssp, caller.actor(), AccessRecord.unresolved(asked, null, AccessLog.statusOf(answered)));
            throw answered;
        }
    }

    /** The customer a reference names, from memory; 400 for a malformed reference, 404 when none carries it. */
    public static CustomerView resolve(TenantResolver resolver, Mssp mssp, String system, String id) {
        // Checked here, not by constraints on the parameters: a malformed reference is charged and recorded as a miss.
        PsaRef ref = new PsaRef(PsaRef.system(system, "system"), PsaRef.id(id, "id"));
        return resolver.findByRef(mssp, ref).orElseThrow(ReferenceNotFoundException::new);
    }
}
