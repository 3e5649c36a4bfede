package io.tenantportal.integration;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.tenantportal.mssp.CallerMssp;
import io.tenantportal.mssp.Mssp;
import io.tenantportal.mssp.Roles;
import io.tenantportal.problem.Problem;
import io.tenantportal.problem.ProblemException;
import io.tenantportal.tenant.TenantId;

/**
 * Integration keys of the caller's MSSP. Only an admin signed in with Entra ID (bearer token or
 * browser session) manages them: a key, even an admin key, never manages keys.
 */
@Path("/integrations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Integrations", description = "API keys for PSA and ticketing tools (X-API-Key or Authorization: Bearer)")
@SecurityRequirement(name = "bearer")
public class IntegrationResource {

    private static final String KEY_FORBIDDEN_EXAMPLE = """
            {"type": "urn:tenant-portal:problem:integration-key-forbidden", "title": "Forbidden", "status": 403,
             "detail": "Integration keys cannot manage integrations; an admin signed in with Entra ID can."}""";
    private static final String NOT_FOUND_EXAMPLE = """
            {"type": "urn:tenant-portal:problem:not-found", "title": "Not found", "status": 404,
             "detail": "This MSSP has no live integration with that id."}""";

    @Inject
    CallerMssp caller;

    @Inject
    IntegrationService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create an integration and its key", description = "The key is in this answer only: store it "
            + "in the PSA now. It acts for the caller's MSSP with the one role given.")
    @APIResponse(responseCode = "201", description = "Created; the key is shown this once", headers = @Header(
            name = "Location", description = "/integrations/5b0e7c9a-3f1d-4e8b-9a6c-2d4f8e1b7a30"), content = @Content(
                    mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IssuedKey.class)))
    @APIResponse(responseCode = "400", description = "Invalid name, role or expiry", content = @Content(
            mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "invalid", value = """
                    {"type": "urn:tenant-portal:problem:invalid-request", "title": "Invalid request", "status": 400,
                     "detail": "The request has 1 invalid field(s).",
                     "errors": [{"field": "role", "message": "must be Portal.Read or Portal.Admin"}]}""")))
    @APIResponse(responseCode = "403", description = "Not an admin, or called with an integration key", content = @Content(
            mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "key", value = KEY_FORBIDDEN_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "A live integration of the MSSP already has that name", content = @Content(
            mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "taken", value = """
                    {"type": "urn:tenant-portal:problem:integration-name-taken", "title": "Conflict", "status": 409,
                     "detail": "An integration of this MSSP is already named 'ConnectWise prod'; revoke it or choose another name."}""")))
    public Response create(IntegrationInput body, @Context UriInfo uriInfo) {
        Mssp mssp = entraAdminsMssp();
        IssuedKey issued = service.create(mssp, body, caller.actor());
        URI location = uriInfo.getBaseUriBuilder().path(IntegrationResource.class)
                .path(issued.integration().id().toString()).build();
        return Response.created(location).entity(issued).header("Cache-Control", "no-store").build();
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "List the MSSP's integrations, newest first", description = "Revoked ones too; never a key "
            + "or its hash. lastUsedAt may lag by up to a minute.")
    @APIResponse(responseCode = "200", description = "The integrations", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "list", value = """
                    [{"id": "5b0e7c9a-3f1d-4e8b-9a6c-2d4f8e1b7a30", "name": "ConnectWise prod", "role": "Portal.Read",
                      "createdBy": "ana@northwind.example", "createdAt": "2026-11-27T10:00:00Z", "expiresAt": null,
                      "lastUsedAt": "2026-11-28T08:15:00Z", "revokedAt": null}]""")))
    @APIResponse(responseCode = "403", description = "Not an admin, or called with an integration key", content = @Content(
            mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "key", value = KEY_FORBIDDEN_EXAMPLE)))
    public List<IntegrationView> list() {
        return service.list(entraAdminsMssp());
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "One integration of the MSSP")
    @APIResponse(responseCode = "200", description = "The integration", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IntegrationView.class)))
    @APIResponse(responseCode = "404", description = "No integration of this MSSP has that id", content = @Content(
            mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "unknown", value = NOT_FOUND_EXAMPLE)))
    public IntegrationView get(@Parameter(example = "5b0e7c9a-3f1d-4e8b-9a6c-2d4f8e1b7a30") @PathParam("id") String id) {
        Mssp mssp = entraAdminsMssp();
        return idOf(id).flatMap(integration -> service.get(mssp, integration))
                .orElseThrow(() -> ProblemException.notFound("This MSSP has no integration with that id."));
    }

    @POST
    @Path("{id}/rotate")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Issue a new key", description = "The integration's previous key keeps working for the "
            + "grace period (ISO-8601 duration, default PT24H, at most P30D; PT0S ends it now), so the PSA can be "
            + "switched to the new key without an outage.")
    @APIResponse(responseCode = "200", description = "The new key, shown this once", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "rotated", value = """
                    {"id": "5b0e7c9a-3f1d-4e8b-9a6c-2d4f8e1b7a30", "name": "ConnectWise prod", "role": "Portal.Read",
                     "createdBy": "ana@northwind.example", "createdAt": "2026-11-27T10:00:00Z", "expiresAt": null,
                     "lastUsedAt": "2026-11-28T08:15:00Z", "revokedAt": null,
                     "key": "tpk_3q0XbN7cVt2Lw9RkYp5DmF8sJh1GzUe4Ai6Oo_-QxYw",
                     "previousKeyValidUntil": "2026-11-29T08:20:00Z"}""")))
    @APIResponse(responseCode = "400", description = "A grace period that is no ISO-8601 duration from PT0S to P30D",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "grace", value = """
                    {"type": "urn:tenant-portal:problem:invalid-request", "title": "Invalid request", "status": 400,
                     "detail": "grace: must be an ISO-8601 duration from PT0S to P30D, e.g. PT24H",
                     "errors": [{"field": "grace", "message": "must be an ISO-8601 duration from PT0S to P30D, e.g. PT24H"}]}""")))
    @APIResponse(responseCode = "404", description = "No live integration of this MSSP has that id", content = @Content(
            mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "unknown", value = NOT_FOUND_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "The integration has expired", content = @Content(
            mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "expired", value = """
                    {"type": "urn:tenant-portal:problem:integration-expired", "title": "Conflict", "status": 409,
                     "detail": "This integration has expired; create a new one."}""")))
    public IssuedKey rotate(@Parameter(example = "5b0e7c9a-3f1d-4e8b-9a6c-2d4f8e1b7a30") @PathParam("id") String id,
            @Parameter(description = "How long the previous key keeps working", example = "PT24H")
            @QueryParam("grace") @DefaultValue("PT24H") String grace) {
        Mssp mssp = entraAdminsMssp();
        Duration gracePeriod = grace(grace);
        return idOf(id).flatMap(integration -> service.rotate(mssp, integration, gracePeriod, caller.actor()))
                .orElseThrow(IntegrationResource::notFound);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Revoke an integration", description = "Its keys fail from now on, on every replica within "
            + "seconds. The integration stays listed with revokedAt; its name is free again.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No live integration of this MSSP has that id", content = @Content(
            mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "unknown", value = NOT_FOUND_EXAMPLE)))
    public Response revoke(@Parameter(example = "5b0e7c9a-3f1d-4e8b-9a6c-2d4f8e1b7a30") @PathParam("id") String id) {
        Mssp mssp = entraAdminsMssp();
        boolean revoked = idOf(id).map(integration -> service.revoke(mssp, integration, caller.actor())).orElse(false);
        if (!revoked) {
            throw notFound();
        }
        return Response.noContent().build();
    }

    /** The caller's MSSP, for an admin signed in with Entra ID; a key gets 403 whatever its role. */
    private Mssp entraAdminsMssp() {
        Mssp mssp = caller.get();
        if (caller.actor().isIntegration()) {
            throw new ProblemException(403, "integration-key-forbidden", "Forbidden",
                    "Integration keys cannot manage integrations; an admin signed in with Entra ID can.");
        }
        return mssp;
    }

    private static Optional<UUID> idOf(String text) {
        // Ids are GUIDs; anything else names no integration.
        return TenantId.parse(text);
    }

    private static Duration grace(String text) {
        try {
            Duration grace = Duration.parse(text.strip());
            if (!grace.isNegative() && grace.compareTo(IntegrationService.MAX_GRACE) <= 0) {
                return grace;
            }
        } catch (DateTimeParseException e) {
            // refused below
        }
        throw ProblemException.invalidField("grace", "must be an ISO-8601 duration from PT0S to P30D, e.g. PT24H");
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("This MSSP has no live integration with that id.");
    }
}
