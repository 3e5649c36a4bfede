package io.tenantportal.portal;

import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.tenantportal.mssp.CallerMssp;
import io.tenantportal.mssp.Mssp;
import io.tenantportal.mssp.Roles;
import io.tenantportal.problem.Problem;
import io.tenantportal.tenant.CustomerView;
import io.tenantportal.tenant.RefResource;
import io.tenantportal.tenant.TenantResolver;

/** The ticket link a PSA builds from its own company id: /refs/halopsa/12/portal. */
@Path("/refs/{system}/{id}/portal")
@Tag(name = "References")
@SecurityRequirement(name = "bearer")
public class RefPortalResource {

    @Inject
    CallerMssp caller;

    @Inject
    TenantResolver resolver;

    @Inject
    PortalAnswers answers;

    @GET
    @NonBlocking
    @RolesAllowed({ Roles.READ, Roles.ADMIN })
    @Operation(summary = "Go to the portal of the customer a PSA reference names", description = "Exactly as "
            + "GET /tenants/{name}/portal: the same portal and deep-link parameters, 302 or JSON with "
            + "Accept: application/json; 404 without suggestions when no customer carries the reference.")
    @Parameter(name = "portal", in = ParameterIn.QUERY, description = "as for /tenants/{name}/portal", example = "defender")
    @APIResponse(responseCode = "302", description = "Redirect to the portal", headers = @Header(name = "Location",
            description = "https://security.microsoft.com/?tid=2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01"))
    @APIResponse(responseCode = "200", description = "The portal URL (Accept: application/json)", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PortalLink.class)))
    @APIResponse(responseCode = "400", description = "Unknown system, malformed id or parameter", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No customer of the MSSP carries the reference", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> portal(@Parameter(example = "halopsa") @PathParam("system") String system,
            @Parameter(example = "12") @PathParam("id") String id, @Context UriInfo uriInfo, @Context HttpHeaders headers) {
        Mssp mssp = caller.get();
        return answers.serve(mssp, caller.actor(), system + ":" + id, uriInfo, headers, new PortalAnswers.Lookup() {
            @Override
            public Optional<CustomerView> fromMemory() {
                return Optional.of(RefResource.resolve(resolver, mssp, system, id));
            }

            @Override
            public CustomerView otherwise() {
                throw new IllegalStateException("references are always answered from memory");
            }
        });
    }
}
