package io.tenantportal.transfer;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

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
import io.tenantportal.problem.Problem;
import io.tenantportal.problem.ProblemException;

@Path("/export")
@Tag(name = "Import and export")
@SecurityRequirement(name = "bearer")
public class ExportResource {

    private static final MediaType CSV = MediaType.valueOf(ImportResource.CSV);

    @Inject
    CallerMssp caller;

    @Inject
    CustomerExport export;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Produces({ MediaType.APPLICATION_JSON, ImportResource.CSV })
    @Operation(summary = "Export every customer", description = "Every live customer of the caller's MSSP with all its "
            + "names, domains and references, by display name then tenant id, streamed. JSON (default) or CSV with "
            + "Accept: text/csv or format=csv; CSV cells that a spreadsheet would run as a formula get a leading "
            + "apostrophe, which an import removes again.")
    @APIResponse(responseCode = "200", description = "The customers, as a download", headers = @Header(
            name = "Content-Disposition", description = "attachment; filename=\"tenant-portal-export-<date>.csv|json\""),
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "json", value = """
                            [
                            {"tenantId":"2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01","displayName":"Contoso Ltd","defaultDomain":"contoso.com","initialDomain":"contoso.onmicrosoft.com","domains":["contoso.com"],"aliases":["Contoso"],"refs":[{"system":"halopsa","id":"12"}],"source":"manual","sharepointName":null}
                            ]""")),
                    @Content(mediaType = ImportResource.CSV, examples = @ExampleObject(name = "csv", value = """
                            tenantId,displayName,defaultDomain,initialDomain,domains,aliases,refs,source
                            2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01,Contoso Ltd,contoso.com,contoso.onmicrosoft.com,contoso.com,Contoso,halopsa:12,manual
                            """)) })
    @APIResponse(responseCode = "400", description = "An unknown format", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response export(
            @Parameter(description = "csv or json; overrides Accept (for download links)", example = "csv")
            @QueryParam("format") String format, @Context HttpHeaders headers) {
        Mssp mssp = caller.get();
        boolean csv = wantsCsv(format, headers);
        StreamingOutput body = csv ? out -> export.csv(mssp, out) : out -> export.json(mssp, out);
        String file = "tenant-portal-export-" + LocalDate.now(ZoneOffset.UTC) + (csv ? ".csv" : ".json");
        return Response.ok(body, csv ? CSV.withCharset("UTF-8") : MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    private static boolean wantsCsv(String format, HttpHeaders headers) {
        if (format != null && !format.isBlank()) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw ProblemException.invalidField("format", "must be csv or json");
            };
        }
        // Most preferred first; a wildcard is JSON, the default.
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (accepted.isCompatible(CSV)) {
                return true;
            }
        }
        return false;
    }
}
