package io.tenantportal.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.tenantportal.mssp.CallerMssp;
import io.tenantportal.mssp.Mssp;
import io.tenantportal.mssp.Roles;
import io.tenantportal.problem.Problem;
import io.tenantportal.problem.ProblemException;

@Path("/import")
@Tag(name = "Import and export", description = "Customers in and out in bulk, and matching a PSA's companies to them")
@SecurityRequirement(name = "bearer")
public class ImportResource {

    static final String CSV = "text/csv";

    @Inject
    CallerMssp caller;

    @Inject
    Importer importer;

    @Inject
    CompanyMatcher matcher;

    @Inject
    TransferConfig config;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import customers", description = "Body: the export's CSV (text/csv, UTF-8, comma or semicolon) "
            + "or JSON (an array of customers as PUT bodies with tenantId). Every row gets PUT's rules; source is import. "
            + "All or nothing by default: one invalid or conflicting row answers 422 with the report and writes nothing. "
            + "partial=true writes the good rows; dryRun=true writes nothing; merge=refs only adds each row's refs to "
            + "its existing customer.")
    @RequestBody(content = {
            @Content(mediaType = CSV, examples = @ExampleObject(name = "csv", value = """
                    tenantId,displayName,defaultDomain,initialDomain,domains,aliases,refs,source
                    2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01,Contoso Ltd,contoso.com,contoso.onmicrosoft.com,contoso.com;contoso.co.uk,Contoso;CONTOSO-UK,halopsa:12,
                    """)),
            @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "json", value = """
                    [{"tenantId": "2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01", "displayName": "Contoso Ltd",
                      "aliases": ["Contoso"], "refs": [{"system": "halopsa", "id": "12"}]}]""")) })
    @APIResponse(responseCode = "200", description = "The report: what each row did (or, in a dry run, would do)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "400", description = "Not a CSV or JSON import: unknown column, malformed, not UTF-8, ...",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "unknown column", value = """
                    {"type": "urn:tenant-portal:problem:invalid-upload", "title": "Invalid upload", "status": 400,
                     "detail": "Unknown column 'company'; the columns are tenantId,displayName,defaultDomain,initialDomain,domains,aliases,refs,source (any order, any case)."}""")))
    @APIResponse(responseCode = "413", description = "Larger than tenantportal.import.max-bytes or more rows than .max-rows",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "415", description = "Neither text/csv nor application/json", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "A row is invalid or in conflict and partial is not true: nothing written; "
            + "the problem carries the whole report", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    examples = @ExampleObject(name = "rejected", value = """
                            {"type": "urn:tenant-portal:problem:import-rejected", "title": "Import rejected", "status": 422,
                             "detail": "1 of 2 rows is invalid or in conflict; nothing was written.",
                             "dryRun": false, "partial": false,
                             "counts": {"created": 1, "updated": 0, "unchanged": 0, "invalid": 0, "conflict": 1},
                             "rows": [{"row": 2, "tenantId": "2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01", "outcome": "created"},
                                      {"row": 3, "tenantId": "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e", "outcome": "conflict",
                                       "reason": "'Contoso' already names Contoso Ltd (2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01)",
                                       "field": "aliases", "conflicts": [{"name": "Contoso",
                                       "tenantId": "2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01", "displayName": "Contoso Ltd"}]}]}""")))
    public Response importCustomers(
            @Parameter(description = "true: write nothing, report what would happen") @QueryParam("dryRun") String dryRun,
            @Parameter(description = "true: write the good rows even when others are bad") @QueryParam("partial") String partial,
            @Parameter(description = "refs: only add each row's references to its existing customer") @QueryParam("merge") String merge,
            @Context HttpHeaders headers, InputStream body) {
        Mssp mssp = caller.get();
        Importer.Options options = new Importer.Options(flag("dryRun", dryRun), flag("partial", partial), addRefs(merge));
        Importer.Format format = isCsv(headers.getMediaType()) ? Importer.Format.CSV : Importer.Format.JSON;
        ImportReport report = importer.run(mssp, caller.actor(), body, format, options);
        if (report.failed() && !options.partial()) {
            int bad = report.counts().invalid() + report.counts().conflict();
            throw new ProblemException(422, "import-rejected", "Import rejected", bad + " of " + report.rows().size()
                    + " rows " + (bad == 1 ? "is" : "are") + " invalid or in conflict; nothing was written.", report.members());
        }
        return Response.ok(report).header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("match")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Propose which customer each PSA company is", description = "Writes nothing. Body: "
            + "{\"companies\": [...]} or the PSA's CSV export (text/csv; say which columns hold id, name and domains "
            + "with idColumn, nameColumn, domainsColumn, and the PSA with system). Evidence, strongest first: a shared "
            + "domain (1.0), the exact name (0.95), the loose name (0.85), a similar name (its similarity, at most 0.8, "
            + "never certain). Companies whose reference a customer already holds are listed as mapped.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "companies", value = """
            {"companies": [{"system": "halopsa", "id": "12", "name": "Contoso Ltd.", "domains": ["contoso.com"]},
                           {"system": "halopsa", "id": "13", "name": "Litware", "domains": []}]}""")))
    @APIResponse(responseCode = "200", description = "Proposals, ambiguous and unmatched companies, and those already mapped",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Matching.Report.class)))
    @APIResponse(responseCode = "400", description = "An invalid company, or more than tenantportal.import.max-companies",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "invalid", value = """
                    {"type": "urn:tenant-portal:problem:invalid-request", "title": "Invalid request", "status": 400,
                     "detail": "companies[3].name: must not be blank",
                     "errors": [{"field": "companies[3].name", "message": "must not be blank"}]}""")))
    @APIResponse(responseCode = "413", description = "Larger than tenantportal.import.max-bytes", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Matching.Report match(
            @Parameter(description = "the PSA of companies that name none (connectwise, autotask, halopsa, servicenow, x-...)",
                    example = "halopsa") @QueryParam("system") String system,
            @Parameter(description = "CSV: the column with the company ids") @QueryParam("idColumn") @DefaultValue("id") String idColumn,
            @Parameter(description = "CSV: the column with the company names") @QueryParam("nameColumn") @DefaultValue("name") String nameColumn,
            @Parameter(description = "CSV: the column with domains or web sites (optional)") @QueryParam("domainsColumn") @DefaultValue("domains") String domainsColumn,
            @Parameter(description = "CSV: the column with the system (optional)") @QueryParam("systemColumn") @DefaultValue("system") String systemColumn,
            @Context HttpHeaders headers, InputStream body) {
        Mssp mssp = caller.get();
        Upload upload = new Upload(body, config.maxBytes().asLongValue());
        boolean csv = isCsv(headers.getMediaType());
        List<Matching.Company> companies;
        try {
            companies = csv ? CompanyList.csv(upload, system, new CompanyList.Columns(systemColumn, idColumn, nameColumn,
                    domainsColumn), config.maxCompanies()) : CompanyList.json(upload, system, config.maxCompanies());
        } catch (IOException e) {
            throw upload.failure(e, csv ? "CSV" : "JSON");
        }
        return matcher.match(mssp, companies);
    }

    /**
     * CSV or JSON by the Content-Type; anything else is 415. Both are read as UTF-8 whatever a charset
     * parameter says (clients label text types with their own default): other bytes are a clear 400.
     */
    private static boolean isCsv(MediaType type) {
        if (type != null && MediaType.APPLICATION_JSON_TYPE.isCompatible(type)) {
            return false;
        }
        boolean csv = type != null && "csv".equals(type.getSubtype())
                && ("text".equals(type.getType()) || "application".equals(type.getType()));
        if (!csv) {
            throw new ProblemException(415, "unsupported-media-type", "Unsupported Media Type",
                    "Send the file as text/csv (UTF-8) or application/json.");
        }
        return true;
    }

    private static boolean flag(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.invalidField(name, "must be true or false");
        };
    }

    private static boolean addRefs(String merge) {
        if (merge == null || merge.isBlank()) {
            return false;
        }
        if (!"refs".equalsIgnoreCase(merge.strip())) {
            throw ProblemException.invalidField("merge", "must be refs (add the rows' references to existing customers)");
        }
        return true;
    }
}
