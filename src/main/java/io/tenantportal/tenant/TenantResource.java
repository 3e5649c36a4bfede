package io.tenantportal.tenant;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.tenantportal.health.CustomerHealthPage;
import io.tenantportal.health.CustomerHealthView;
import io.tenantportal.health.LinkHealthService;
import io.tenantportal.limits.MissLimiter;
import io.tenantportal.mssp.CallerMssp;
import io.tenantportal.mssp.Mssp;
import io.tenantportal.mssp.Roles;
import io.tenantportal.problem.Problem;
import io.tenantportal.problem.Params;
import io.tenantportal.problem.ProblemException;

@Path("/tenants")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customers", description = "The caller's MSSP's customer tenants")
@SecurityRequirement(name = "bearer")
public class TenantResource {

    @Inject
    CallerMssp caller;

    @Inject
    CustomerService service;

    @Inject
    TenantResolver resolver;

    @Inject
    MissLimiter limiter;

    @Inject
    LinkHealthService health;

    @GET
    @RolesAllowed({ Roles.READ, Roles.ADMIN })
    @Operation(summary = "List customers", description = "The caller's customers whose names contain q (or "
            + "whose tenant id it is): the one q names exactly (tenant id, name, alias or domain) first, then by "
            + "display name. Pages count from 0.")
    @APIResponse(responseCode = "200", description = "A page of customers", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomerHealthPage.class),
            examples = @ExampleObject(name = "page", value = """
                    {"items": [{"tenantId": "2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01", "displayName": "Contoso Ltd",
                      "defaultDomain": "contoso.com", "initialDomain": "contoso.onmicrosoft.com",
                      "domains": ["contoso.com"], "aliases": ["Contoso"], "source": "manual", "verifiedAt": null,
                      "createdAt": "2026-11-27T10:00:00Z", "updatedAt": "2026-11-27T10:00:00Z"}],
                     "page": 0, "size": 50, "total": 1}""")))
    @APIResponse(responseCode = "400", description = "Bad page, size or filter", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public CustomerHealthPage list(
            @Parameter(description = "Part of a name, or a tenant id", example = "contoso") @QueryParam("q") String q,
            @QueryParam("page") @DefaultValue("0") String page,
            @QueryParam("size") @DefaultValue("50") String size) {
        Mssp mssp = caller.get();
        return health.page(mssp, service.list(mssp, q, Params.page(page), Params.pageSize(size)));
    }

    @GET
    @Path("{name}")
    @RolesAllowed({ Roles.READ, Roles.ADMIN })
    @Operation(summary = "Get one customer by any name", description = "The name is a tenant id, a verified domain, "
            + "the display name or an alias.")
    @APIResponse(responseCode = "200", description = "The customer, with health: its link health per portal "
            + "(README \"Link health\")", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomerHealthView.class)))
    @APIResponse(responseCode = "404", description = "No such customer; suggestions name similar ones", content = @Content(
            mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "not found", value = """
                    {"type": "urn:tenant-portal:problem:customer-not-found", "title": "Customer not found",
                     "status": 404, "detail": "No customer of this MSSP matches the name.",
                     "suggestions": ["Contoso Ltd"]}""")))
    @APIResponse(responseCode = "409", description = "The name matches several customers", content = @Content(
            mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "ambiguous", value = """
                    {"type": "urn:tenant-portal:problem:ambiguous-name", "title": "Ambiguous name", "status": 409,
                     "detail": "The name matches 2 customers; use one of their tenant ids.",
                     "candidates": [{"displayName": "Contoso Inc", "tenantId": "0b1c..."},
                                    {"displayName": "Contoso Ltd", "tenantId": "2f4a..."}]}""")))
    public CustomerHealthView get(@Parameter(example = "contoso.com") @PathParam("name") String name) {
        Mssp mssp = caller.get();
        return health.view(mssp, find(mssp, name));
    }

    private CustomerView find(Mssp mssp, String name) {
        NameKey.requireValid(name, "name");
        try {
            Optional<CustomerView> known = resolver.findLocally(mssp, name);
            if (known.isPresent()) {
                return known.get();
            }
        } catch (AmbiguousNameException e) {
            limiter.charge(mssp, caller.actor());
            throw e;
        }
        limiter.requireAvailable(mssp, caller.actor());
        try {
            return resolver.resolve(mssp, name);
        } catch (RuntimeException e) {
            limiter.chargeAfter(mssp, caller.actor(), e);
            throw e;
        }
    }

    @PUT
    @Path("{tenantId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create or replace a customer", description = "Idempotent: the same body again answers 200 "
            + "and changes nothing. A name or domain of another customer of the MSSP is refused with 409.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomerView.class)))
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomerView.class)))
    @APIResponse(responseCode = "400", description = "Invalid tenant id or body", content = @Content(
            mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "invalid", value = """
                    {"type": "urn:tenant-portal:problem:invalid-request", "title": "Invalid request", "status": 400,
                     "detail": "domains[0]: is not a domain name",
                     "errors": [{"field": "domains[0]", "message": "is not a domain name"}]}""")))
    @APIResponse(responseCode = "409", description = "A name already names another customer", content = @Content(
            mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "taken", value = """
                    {"type": "urn:tenant-portal:problem:name-conflict", "title": "Name already in use", "status": 409,
                     "detail": "The name 'Contoso' already names another customer.",
                     "conflicts": [{"name": "Contoso", "tenantId": "2f4a...", "displayName": "Contoso Ltd"}]}""")))
    public Response put(@Parameter(example = "2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01") @PathParam("tenantId") String tenantId,
            @Valid CustomerInput body, @Context UriInfo uriInfo) {
        Mssp mssp = caller.get();
        UUID id = requireTenantId(tenantId);
        CustomerDraft draft = CustomerDraft.from(id, body);
        CustomerService.PutResult result = service.put(mssp, draft, caller.actor());
        if (!result.created()) {
            return Response.ok(result.customer()).build();
        }
        URI location = uriInfo.getBaseUriBuilder().path(TenantResource.class).path(id.toString()).build();
        return Response.created(location).entity(result.customer()).build();
    }

    @PUT
    @Path("{tenantId}/refs")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replace a customer's PSA references", description = "Only the references change; names, "
            + "domains and source stay, so a customer the Graph sync manages stays managed by it. Send the complete "
            + "list; an empty list removes them all.")
    @APIResponse(responseCode = "200", description = "The customer", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomerView.class)))
    @APIResponse(responseCode = "400", description = "A malformed reference", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No live customer with that tenant id", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "A reference belongs to another customer", content = @Content(
            mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "taken", value = """
                    {"type": "urn:tenant-portal:problem:name-conflict", "title": "Name already in use", "status": 409,
                     "detail": "The reference halopsa:12 already belongs to another customer.",
                     "conflicts": [{"ref": {"system": "halopsa", "id": "12"}, "tenantId": "2f4a...", "displayName": "Contoso Ltd"}]}""")))
    public CustomerView putRefs(@PathParam("tenantId") String tenantId, @Valid RefsInput body) {
        Mssp mssp = caller.get();
        UUID id = requireTenantId(tenantId);
        if (body == null) {
            throw ProblemException.badRequest("A JSON body {\"refs\": [...]} is required.");
        }
        return service.replaceRefs(mssp, id, PsaRef.normalised(body.refsOrEmpty()), caller.actor());
    }

    @DELETE
    @Path("{tenantId}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Delete a customer", description = "The mapping is kept, marked deleted; its names are freed.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No live customer with that tenant id", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    public Response delete(@PathParam("tenantId") String tenantId) {
        Mssp mssp = caller.get();
        service.delete(mssp, requireTenantId(tenantId), caller.actor());
        return Response.noContent().build();
    }

    private static UUID requireTenantId(String text) {
        return TenantId.parse(text).orElseThrow(
                () -> ProblemException.invalidField("tenantId", "must be a tenant id (GUID)"));
    }
}
