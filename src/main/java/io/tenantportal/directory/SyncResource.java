package io.tenantportal.directory;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

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
import io.tenantportal.mssp.Roles;
import io.tenantportal.problem.Params;
import io.tenantportal.problem.Problem;
import io.tenantportal.problem.ProblemException;

@Path("/sync")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sync", description = "The caller's MSSP's customers, brought in step with Microsoft Graph")
@SecurityRequirement(name = "bearer")
public class SyncResource {

    static final int MAX_REPORTS = 100;

    @Inject
    CallerMssp caller;

    @Inject
    DirectorySync sync;

    @Inject
    SyncReports reports;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Sync the caller's customers from Microsoft Graph now", description = "Reads the GDAP "
            + "customers and the contracts, adds and updates Graph customers (a renamed customer keeps its old "
            + "name as an alias), marks those Graph no longer lists, never changes manual mappings. With "
            + "dryRun=true nothing changes and the report says what would.")
    @APIResponse(responseCode = "200", description = "The stored report", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SyncReportView.class)))
    @APIResponse(responseCode = "409", description = "A sync of this MSSP is already running, or the MSSP has no "
            + "Graph credentials", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    examples = @ExampleObject(name = "running", value = """
                            {"type": "urn:tenant-portal:problem:sync-running", "title": "Conflict", "status": 409,
                             "detail": "A sync of this MSSP is already running; see GET /sync."}""")))
    @APIResponse(responseCode = "502", description = "Graph refused both customer lists (403)", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "Graph cannot be asked right now; a failed report is stored",
            headers = @Header(name = "Retry-After", description = "seconds"),
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public SyncReportView run(@Parameter(description = "true: change nothing, report what would change")
            @QueryParam("dryRun") @DefaultValue("false") String dryRun) {
        return sync.run(caller.get(), DirectorySync.Trigger.MANUAL, bool("dryRun", dryRun));
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "The caller's MSSP's latest sync reports, newest first")
    @APIResponse(responseCode = "200", description = "Reports", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SyncReportView.class)))
    public List<SyncReportView> latest(@QueryParam("limit") @DefaultValue("20") String limit) {
        return reports.latest(caller.get().id(), Params.boundedInt("limit", limit, 1, MAX_REPORTS));
    }

    private static boolean bool(String name, String text) {
        return switch (text.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.invalidField(name, "must be true or false");
        };
    }
}
