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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
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
import io.tenantportal.tenant.NameKey;
import io.tenantportal.tenant.TenantResolver;

@Path("/tenants/{name}/portal")
@Tag(name = "Portal", description = "Resolve a customer and go to its tenant-specific Microsoft portal")
@SecurityRequirement(name = "bearer")
public class PortalResource {

    @Inject
    CallerMssp caller;

    @Inject
    TenantResolver resolver;

    @Inject
    PortalAnswers answers;

    @GET
    @RolesAllowed({ Roles.READ, Roles.ADMIN })
    @Operation(summary = "Resolve a name and redirect to the customer's portal", description = "302 to the portal; "
            + "with Accept: application/json, 200 and the URL as JSON.")
    @Parameter(name = "portal", in = ParameterIn.QUERY, description = "defender (default), purview, entra, azure, "
            + "intune, m365, exchange, teams, powerplatform, sharepoint, powerapps, powerbi, or a custom portal of "
            + "the deployment", example = "defender")
    @Parameter(name = "incident", in = ParameterIn.QUERY, description = "Defender incident number", example = "1234")
    @Parameter(name = "alert", in = ParameterIn.QUERY, description = "Defender alert id", example = "da637551227677560813_-961444813")
    @Parameter(name = "device", in = ParameterIn.QUERY, description = "Defender device id (40 hex)")
    @APIResponse(responseCode = "302", description = "Redirect to the portal", headers = {
            @Header(name = "Location", description = "https://security.microsoft.com/?tid=2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01"),
            @Header(name = "Cache-Control", description = "no-store") })
    @APIResponse(responseCode = "200", description = "The portal URL (Accept: application/json)", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PortalLink.class)))
    @APIResponse(responseCode = "400", description = "Malformed name or parameter", content = @Content(
            mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "bad portal", value = """
                    {"type": "urn:tenant-portal:problem:invalid-request", "title": "Invalid request", "status": 400,
                     "detail": "portal: unknown portal", "portals": ["defender", "purview", "entra"]}""")))
    @APIResponse(responseCode = "404", description = "No such customer; suggestions name similar ones", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Ambiguous name (candidates), or the portal needs a domain "
            + "(or SharePoint name) the customer lacks; the detail says how to set it", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @NonBlocking
    public Uni<Response> portal(@Parameter(example = "Contoso") @PathParam("name") String name,
            @Context UriInfo uriInfo, @Context HttpHeaders headers) {
        Mssp mssp = caller.get();
        return answers.serve(mssp, caller.actor(), name, uriInfo, headers, new PortalAnswers.Lookup() {
            @Override
            public Optional<CustomerView> fromMemory() {
                NameKey.requireValid(name, "name");
                return resolver.findLocally(mssp, name);
            }

            @Override
            public CustomerView otherwise() {
                return resolver.resolve(mssp, name);
            }

            @Override
            public boolean mayWait() {
                return resolver.mayWait(mssp);
            }
        });
    }
}
