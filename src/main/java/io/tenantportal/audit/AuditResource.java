package io.tenantportal.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.tenantportal.mssp.CallerMssp;
import io.tenantportal.mssp.Mssp;
import io.tenantportal.mssp.Roles;
import io.tenantportal.problem.Params;
import io.tenantportal.problem.Problem;

@Path("/audit")
@Tag(name = "Audit", description = "Who opened which customer's portal, who changed which mapping, and when")
@SecurityRequirement(name = "bearer")
public class AuditResource {

    /** A CSV page may be larger than a JSON page: it is meant for download. */
    static final int MAX_CSV_PAGE_SIZE = 10_000;

    @Inject
    CallerMssp caller;

    @Inject
    AuditLog audit;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Produces({ MediaType.APPLICATION_JSON, AuditCsv.MEDIA_TYPE })
    @Operation(summary = "Read the caller's MSSP's audit log, newest first", description = "Accesses (every resolve: "
            + "who, which customer or unresolved name, portal, status) and changes (mappings and integrations written). "
            + "With Accept: text/csv the same rows as CSV, with the total in X-Total-Count.")
    @APIResponse(responseCode = "200", description = "A page of audit entries", headers = @Header(name = "X-Total-Count",
            description = "CSV only: the number of entries that pass the filters"), content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "page", value = """
                            {"items": [
                              {"at": "2026-11-27T10:00:02Z", "kind": "access",
                               "actor": {"type": "integration", "id": "5b0e7c9a-3f1d-4e8b-9a6c-2d4f8e1b7a30", "name": "ConnectWise prod"},
                               "tenantId": "2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01", "portal": "defender", "status": 302},
                              {"at": "2026-11-27T10:00:01Z", "kind": "access", "actor": {"type": "user", "name": "ana@northwind.example"},
                               "name": "Contso", "portal": "defender", "status": 404},
                              {"at": "2026-11-27T10:00:00Z", "kind": "change", "actor": {"type": "user", "name": "ana@northwind.example"},
                               "tenantId": "2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01", "action": "customer.created", "detail": "Contoso Ltd"}],
                             "page": 0, "size": 50, "total": 3}""")),
                    @Content(mediaType = AuditCsv.MEDIA_TYPE, examples = @ExampleObject(name = "csv", value = """
                            at,kind,actorType,actorId,actorName,tenantId,name,portal,status,action,detail
                            2026-11-27T10:00:02Z,access,integration,5b0e7c9a-3f1d-4e8b-9a6c-2d4f8e1b7a30,ConnectWise prod,2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01,,defender,302,,
                            2026-11-27T10:00:01Z,access,user,,ana@northwind.example,,Contso,defender,404,,
                            """)) })
    @APIResponse(responseCode = "400", description = "A malformed filter or paging parameter", content = @Content(
            mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "bad kind", value = """
                    {"type": "urn:tenant-portal:problem:invalid-request", "title": "Invalid request", "status": 400,
                     "detail": "kind: must be access or change",
                     "errors": [{"field": "kind", "message": "must be access or change"}]}""")))
    public Response list(
            @Parameter(description = "access or change", example = "access") @QueryParam("kind") String kind,
            @Parameter(description = "a user name or integration name (any case), or an integration id",
                    example = "ConnectWise prod") @QueryParam("actor") String actor,
            @Parameter(description = "a customer's tenant id", example = "2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01")
            @QueryParam("tenantId") String tenantId,
            @Parameter(description = "from this time on (inclusive): 2026-11-01 or 2026-11-01T08:00:00Z",
                    example = "2026-11-01") @QueryParam("from") String from,
            @Parameter(description = "before this time (exclusive); a date alone includes that whole day (UTC)",
                    example = "2026-11-30") @QueryParam("to") String to,
            @Parameter(description = "page from 0") @QueryParam("page") @DefaultValue("0") String page,
            @Parameter(description = "1 to 200 (JSON) or 1 to 10000 (CSV)") @QueryParam("size") @DefaultValue("50") String size,
            @Context HttpHeaders headers) {
        Mssp mssp = caller.get();
        AuditFilter filter = AuditFilter.parse(kind, actor, tenantId, from, to);
        boolean csv = wantsCsv(headers);
        int pageSize = csv ? Params.boundedInt("size", size, 1, MAX_CSV_PAGE_SIZE) : Params.pageSize(size);
        AuditLog.AuditPage result = audit.page(mssp.id(), filter, Params.page(page), pageSize);
        if (csv) {
            return Response.ok(AuditCsv.write(result.items()), AuditCsv.MEDIA_TYPE + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"audit.csv\"")
                    .header("X-Total-Count", result.total())
                    .build();
        }
        return Response.ok(result, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** CSV only when the caller prefers it to JSON; a wildcard gets JSON. */
    static boolean wantsCsv(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                return false;
            }
            if (type.isCompatible(MediaType.valueOf(AuditCsv.MEDIA_TYPE))) {
                return true;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }
}
