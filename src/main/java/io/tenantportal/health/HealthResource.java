package io.tenantportal.health;

import java.util.Locale;

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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.tenantportal.mssp.CallerMssp;
import io.tenantportal.mssp.Roles;
import io.tenantportal.problem.Problem;
import io.tenantportal.problem.ProblemException;

@Path("/health/links")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Link health", description = "Will the caller's portal links work: GDAP relationships per customer")
@SecurityRequirement(name = "bearer")
public class HealthResource {

    @Inject
    CallerMssp caller;

    @Inject
    LinkHealthService health;

    @Inject
    PortalRoles roles;

    @GET
    @RolesAllowed({ Roles.READ, Roles.ADMIN })
    @Operation(summary = "Link health of the caller's customers", description = "Customers counted per verdict "
            + "(ok, expiring, no-role, expired, none, unknown) for one portal, and the customers whose access "
            + "ends within 30 days without auto-extension, soonest first.")
    @APIResponse(responseCode = "200", description = "The report", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LinkHealthReport.class)))
    @APIResponse(responseCode = "400", description = "Unknown portal", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public LinkHealthReport links(@Parameter(description = "Portal wire name", example = "defender")
            @QueryParam("portal") @DefaultValue("defender") String portal) {
        String wanted = portal.strip().toLowerCase(Locale.ROOT);
        if (!roles.knows(wanted)) {
            throw ProblemException.invalidField("portal", "unknown portal");
        }
        return health.report(caller.get(), wanted);
    }
}
