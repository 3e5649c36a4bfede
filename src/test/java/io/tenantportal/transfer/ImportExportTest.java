package io.tenantportal.transfer;

import static io.tenantportal.transfer.Transfers.CSV;
import static io.tenantportal.transfer.Transfers.exportCsv;
import static io.tenantportal.transfer.Transfers.exportJson;
import static io.tenantportal.transfer.Transfers.importFile;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tenantportal.support.ApiTest;
import io.tenantportal.support.TestTokens;

/**
 * Export and import: an export imported into an empty MSSP exports the same file again, rows take
 * PUT's rules, and an import is all or nothing unless asked to be partial.
 */
@QuarkusTest
class ImportExportTest extends ApiTest {

    static final String CONTOSO = "2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01";
    static final String FORMULA = "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9";
    static final String BAKERY = "5e0d9c8b-7a6f-4e5d-8c4b-3a2f1e0d9c8b";
    static final String FABRIKAM = "0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5";
    static final String NORTHWIND = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    static final String JSON = "application/json";

    static void put(String tid, String tenantId, Map<String, Object> body) {
        as(TestTokens.token(tid, TestTokens.ADMIN)).contentType(ContentType.JSON).body(body)
                .put("/tenants/{id}", tenantId).then().statusCode(201);
    }

    static Map<String, Object> customer(String displayName, Object... members) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("displayName", displayName);
        for (int i = 0; i < members.length; i += 2) {
            body.put((String) members[i], members[i + 1]);
        }
        return body;
    }

    static Map<String, String> ref(String system, String id) {
        return Map.of("system", system, "id", id);
    }

    /** Customers whose names and references test every rule of the CSV cells. */
    void awkwardCustomersOfAlpha() {
        put(TestTokens.ALPHA, CONTOSO, customer("Contoso Ltd", "defaultDomain", "contoso.com",
                "initialDomain", "contoso.onmicrosoft.com", "domains", List.of("contoso.com", "contoso.co.uk"),
                "aliases", List.of("Contoso", "Smith; Jones", "C:\\Contoso", "Ünïcødé GmbH"),
                "refs", List.of(ref("halopsa", "12"), ref("x-itglue", "Org:7;A\\B"))));
        put(TestTokens.ALPHA, FORMULA, customer("=HYPERLINK(\"http://evil.example\",\"x\")",
                "aliases", List.of("-Contoso-", "+1 555 0100"), "source", "import"));
        put(TestTokens.ALPHA, BAKERY, customer("'s-Hertogenbosch Bakkerij", "aliases", List.of("'=not a formula")));
        put(TestTokens.ALPHA, FABRIKAM, customer("Fabrikam, Inc. \"the\" original", "refs", List.of(ref("autotask", "0042"))));
    }

    @Test
    void aCsvExportImportedIntoAnEmptyMsspExportsTheSameFile() {
        awkwardCustomersOfAlpha();
        String exported = exportCsv(TestTokens.ALPHA);

        assertEquals(String.join("\n",
                "\uFEFFtenantId,displayName,defaultDomain,initialDomain,domains,aliases,refs,source",
                BAKERY + ",'s-Hertogenbosch Bakkerij,,,,''=not a formula,,manual",
                // a spreadsheet would run these cells: the export puts an apostrophe first
                FORMULA + ",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",,,,'-Contoso-;+1 555 0100,,import",
                CONTOSO + ",Contoso Ltd,contoso.com,contoso.onmicrosoft.com,contoso.com;contoso.co.uk,"
                        + "Contoso;Smith\\; Jones;C:\\\\Contoso;Ünïcødé GmbH,halopsa:12;x-itglue:Org:7\\;A\\\\B,manual",
                FABRIKAM + ",\"Fabrikam, Inc. \"\"the\"\" original\",,,,,autotask:0042,manual",
                ""), exported);

        importFile(TestTokens.BETA, "", CSV, exported).then().statusCode(200)
                .body("counts.created", equalTo(4)).body("counts.invalid", equalTo(0));

        assertEquals(exported, exportCsv(TestTokens.BETA));
        as(TestTokens.token(TestTokens.BETA, TestTokens.READ)).get("/tenants/{name}", "Smith; Jones").then()
                .statusCode(200).body("tenantId", equalTo(CONTOSO));
        as(TestTokens.token(TestTokens.BETA, TestTokens.READ)).get("/tenants/{name}", FORMULA).then()
                .statusCode(200).body("displayName", equalTo("=HYPERLINK(\"http://evil.example\",\"x\")"))
                .body("aliases", contains("-Contoso-", "+1 555 0100"));
    }

    @Test
    void aJsonExportImportedIntoAnEmptyMsspExportsTheSameFile() {
        awkwardCustomersOfAlpha();
        String exported = exportJson(TestTokens.ALPHA);
        assertTrue(exported.startsWith("[\n{\"tenantId\":\"" + BAKERY + "\",\"displayName\":\"'s-Hertogenbosch Bakkerij\","
                + "\"defaultDomain\":null,\"initialDomain\":null,\"domains\":[],\"aliases\":[\"'=not a formula\"],\"refs\":[],"
                + "\"source\":\"manual\",\"sharepointName\":null},\n{\"tenantId\":\"" + FORMULA + "\""), exported);
        assertEquals(6, exported.split("\n").length, "one customer per line between [ and ]");

        importFile(TestTokens.BETA, "", JSON, exported).then().statusCode(200).body("counts.created", equalTo(4));

        assertEquals(exported, exportJson(TestTokens.BETA));
    }

    @Test
    void importingAnExportAgainChangesNothing() {
        awkwardCustomersOfAlpha();
        String exported = exportCsv(TestTokens.ALPHA);
        String updatedAt = database.text("SELECT max(updated_at) FROM customer");
        long audited = database.count("SELECT count(*) FROM audit_event");

        importFile(TestTokens.ALPHA, "", CSV, exported).then().statusCode(200)
                .body("counts.unchanged", equalTo(4)).body("counts.updated", equalTo(0))
                .body("rows.outcome", contains("unchanged", "unchanged", "unchanged", "unchanged"));
        importFile(TestTokens.ALPHA, "", JSON, exportJson(TestTokens.ALPHA)).then().statusCode(200)
                .body("counts.unchanged", equalTo(4));

        assertEquals(updatedAt, database.text("SELECT max(updated_at) FROM customer"));
        assertEquals(audited, database.count("SELECT count(*) FROM audit_event"));
    }

    @Test
    void theExportIsADownloadInTheAskedFormat() {
        awkwardCustomersOfAlpha();
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        as(TestTokens.alphaAdmin()).accept("text/csv").get("/export").then().statusCode(200)
                .contentType("text/csv;charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"tenant-portal-export-" + today + ".csv\"");
        as(TestTokens.alphaAdmin()).get("/export?format=csv").then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"tenant-portal-export-" + today + ".csv\"");
        as(TestTokens.alphaAdmin()).accept("text/html,*/*;q=0.8").get("/export").then().statusCode(200)
                .contentType(JSON).body("$", hasSize(4))
                .header("Content-Disposition", "attachment; filename=\"tenant-portal-export-" + today + ".json\"");
        as(TestTokens.alphaAdmin()).get("/export?format=xml").then().statusCode(400)
                .contentType("application/problem+json").body("detail", equalTo("format: must be csv or json"));
        as(TestTokens.alphaReader()).get("/export").then().statusCode(403);
        as(TestTokens.alphaReader()).contentType(CSV).body("tenantId,displayName\n").post("/import").then().statusCode(403);
        // another MSSP's export holds none of these
        as(TestTokens.betaAdmin()).get("/export").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void aDryRunReportsWhatWouldHappenAndWritesNothing() {
        put(TestTokens.BETA, CONTOSO, customer("Contoso Ltd"));
        String csv = "tenantId,displayName,aliases\n" + CONTOSO + ",Contoso Ltd,Contoso\n" + FABRIKAM + ",Fabrikam\n";
        long audited = database.count("SELECT count(*) FROM audit_event");

        importFile(TestTokens.BETA, "?dryRun=true", CSV, csv).then().statusCode(200)
                .body("dryRun", equalTo(true))
                .body("counts.created", equalTo(1)).body("counts.updated", equalTo(1))
                .body("rows[0].outcome", equalTo("updated")).body("rows[0].reason", equalTo("changes aliases, source"))
                .body("rows[1].outcome", equalTo("created"));

        assertEquals(1, database.count("SELECT count(*) FROM customer"));
        assertEquals(1, database.count("SELECT count(*) FROM customer_name"));
        assertEquals(audited, database.count("SELECT count(*) FROM audit_event"));
        as(TestTokens.betaAdmin()).get("/tenants/Fabrikam").then().statusCode(404);
        // a dry run of a file that would fail says so with 422, and still writes nothing
        importFile(TestTokens.BETA, "?dryRun=true", CSV, csv + "not-a-guid,Nobody\n").then().statusCode(422)
                .body("dryRun", equalTo(true)).body("counts.invalid", equalTo(1));
        assertEquals(1, database.count("SELECT count(*) FROM customer"));
    }

    /** 1,000 rows of new customers, one of them (row 501 of the file) with a bad default domain. */
    static String thousandRowsOneBad() {
        StringBuilder csv = new StringBuilder("tenantId,displayName,defaultDomain\n");
        for (int i = 1; i <= 1000; i++) {
            csv.append(new UUID(0x1000L + i, 0x8000_0000_0000_0000L + i)).append(",Customer ")
                    .append(String.format("%04d", i)).append(',').append(i == 500 ? "not a domain" : "c" + i + ".example")
                    .append('\n');
        }
        return csv.toString();
    }

    @Test
    void oneBadRowAmongAThousandAndNothingIsWritten() {
        importFile(TestTokens.ALPHA, "", CSV, thousandRowsOneBad()).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tenant-portal:problem:import-rejected"))
                .body("detail", equalTo("1 of 1000 rows is invalid or in conflict; nothing was written."))
                .body("partial", equalTo(false))
                .body("counts.created", equalTo(999)).body("counts.invalid", equalTo(1))
                .body("rows", hasSize(1000))
                .body("rows[499].row", equalTo(501))
                .body("rows[499].outcome", equalTo("invalid"))
                .body("rows[499].field", equalTo("defaultDomain"))
                .body("rows[499].reason", equalTo("defaultDomain: is not a domain name"));

        assertEquals(0, database.count("SELECT count(*) FROM customer"));
        assertEquals(0, database.count("SELECT count(*) FROM customer_name"));
        assertEquals(0, database.count("SELECT count(*) FROM audit_event"));
        as(TestTokens.alphaAdmin()).get("/tenants/Customer 0001").then().statusCode(404);
    }

    @Test
    void partialWritesTheGoodRowsAndTheIndexKnowsThemAtOnce() {
        importFile(TestTokens.ALPHA, "?partial=true", CSV, thousandRowsOneBad()).then().statusCode(200)
                .body("partial", equalTo(true))
                .body("counts.created", equalTo(999)).body("counts.invalid", equalTo(1))
                .body("rows[499].outcome", equalTo("invalid"));

        assertEquals(999, database.count("SELECT count(*) FROM customer WHERE source = 'import'"));
        assertEquals(999 * 2, database.count("SELECT count(*) FROM customer_name"));
        assertEquals(999, database.count("SELECT count(*) FROM audit_event WHERE action = 'customer.created' "
                + "AND actor = 'ticket-sync-11111111'"));
        as(TestTokens.alphaReader()).get("/tenants/{name}", "c999.example").then().statusCode(200)
                .body("displayName", equalTo("Customer 0999"));
        as(TestTokens.alphaReader()).get("/tenants/{name}", "Customer 0500").then().statusCode(404);
    }

    @Test
    void aNameOrReferenceOfAnExistingCustomerIsAConflict() {
        put(TestTokens.ALPHA, CONTOSO, customer("Contoso Ltd", "aliases", List.of("Contoso"),
                "refs", List.of(ref("halopsa", "12"))));
        String csv = "tenantId,displayName,aliases,refs\n"
                + FABRIKAM + ",Fabrikam,CONTOSO,\n"
                + NORTHWIND + ",Northwind Traders,,halopsa:12;halopsa:13\n"
                + BAKERY + ",Bakery,,\n";

        importFile(TestTokens.ALPHA, "", CSV, csv).then().statusCode(422)
                .body("counts.created", equalTo(1)).body("counts.conflict", equalTo(2))
                .body("rows[0].outcome", equalTo("conflict"))
                .body("rows[0].field", equalTo("aliases"))
                .body("rows[0].reason", equalTo("'CONTOSO' already names Contoso Ltd (" + CONTOSO + ")"))
                .body("rows[0].conflicts[0].name", equalTo("CONTOSO"))
                .body("rows[0].conflicts[0].tenantId", equalTo(CONTOSO))
                .body("rows[1].field", equalTo("refs"))
                .body("rows[1].reason", equalTo("the reference halopsa:12 already belongs to Contoso Ltd (" + CONTOSO + ")"))
                .body("rows[1].conflicts[0].ref.system", equalTo("halopsa"))
                .body("rows[2].outcome", equalTo("created"));
        assertEquals(1, database.count("SELECT count(*) FROM customer"));

        importFile(TestTokens.ALPHA, "?partial=true", CSV, csv).then().statusCode(200)
                .body("counts.created", equalTo(1)).body("counts.conflict", equalTo(2));
        assertEquals(2, database.count("SELECT count(*) FROM customer"));
    }

    @Test
    void twoRowsClaimingOneNameReferenceOrTenantAllConflict() {
        String csv = "tenantId,displayName,aliases,refs\n"
                + CONTOSO + ",Contoso Ltd,Shared,\n"
                + FABRIKAM + ",Fabrikam,shared,\n"
                + NORTHWIND + ",Northwind,,connectwise:250\n"
                + BAKERY + ",Bakery,,connectwise:250\n"
                + FORMULA + ",Litware,,\n"
                + FORMULA.toUpperCase() + ",Litware Inc,,\n";

        importFile(TestTokens.ALPHA, "?partial=true", CSV, csv).then().statusCode(200)
                .body("counts.conflict", equalTo(6)).body("counts.created", equalTo(0))
                .body("rows[0].reason", equalTo("'Shared' is also claimed by row 3"))
                .body("rows[0].conflicts[0].row", equalTo(3))
                .body("rows[1].reason", equalTo("'shared' is also claimed by row 2"))
                .body("rows[2].reason", equalTo("the reference connectwise:250 is also claimed by row 5"))
                .body("rows[3].field", equalTo("refs"))
                .body("rows[4].reason", equalTo("the tenant id is also in row 7"))
                .body("rows[5].field", equalTo("tenantId"));
        assertEquals(0, database.count("SELECT count(*) FROM customer"));
    }

    @Test
    void anAliasMovesFromOneCustomerToAnotherInOneImport() {
        put(TestTokens.ALPHA, CONTOSO, customer("Contoso Ltd", "aliases", List.of("Northwind")));
        put(TestTokens.ALPHA, NORTHWIND, customer("Northwind Traders", "aliases", List.of("Contoso")));
        String csv = "tenantId,displayName,aliases\n" + CONTOSO + ",Contoso Ltd,Contoso\n" + NORTHWIND + ",Northwind Traders,Northwind\n";

        importFile(TestTokens.ALPHA, "", CSV, csv).then().statusCode(200).body("counts.updated", equalTo(2));

        as(TestTokens.alphaReader()).get("/tenants/Northwind").then().statusCode(200).body("tenantId", equalTo(NORTHWIND));
        as(TestTokens.alphaReader()).get("/tenants/Contoso").then().statusCode(200).body("tenantId", equalTo(CONTOSO));
        assertEquals(2, database.count("SELECT count(*) FROM customer_name WHERE deleted_at IS NOT NULL"));
        assertEquals(2, database.count("SELECT count(*) FROM audit_event WHERE action = 'customer.replaced'"));
    }

    @Test
    void spreadsheetCsvWithBomSemicolonsCrlfAndQuotedLineBreaks() {
        String csv = "\uFEFFDisplayName;TENANTID;Aliases;Domains\r\n"
                + "\"Fabrikam; Inc.\";" + FABRIKAM + ";\"Fab;\r\nFabrikam Europe\";fabrikam.com\r\n"
                + ";;;\r\n"
                + "\"Bad\nName\";" + BAKERY + ";;\r\n"
                + "Contoso Ltd;" + CONTOSO + ";'=SUM(1);\r\n";

        importFile(TestTokens.ALPHA, "?partial=true", CSV, csv).then().statusCode(200)
                .body("rows.row", contains(2, 4, 5))
                .body("rows.outcome", contains("created", "invalid", "created"))
                .body("rows[1].field", equalTo("displayName"))
                .body("rows[1].reason", equalTo("displayName: must not contain control or invisible characters"));

        as(TestTokens.alphaReader()).get("/tenants/{name}", "Fabrikam Europe").then().statusCode(200)
                .body("displayName", equalTo("Fabrikam; Inc.")).body("aliases", contains("Fab", "Fabrikam Europe"))
                .body("domains", contains("fabrikam.com")).body("source", equalTo("import"));
        as(TestTokens.alphaReader()).get("/tenants/{name}", CONTOSO).then().statusCode(200)
                .body("aliases", contains("=SUM(1)"));
    }

    @Test
    void theHeaderMustNameKnownColumns() {
        importFile(TestTokens.ALPHA, "", CSV, "tenantId,displayName,company,Phone\n").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tenant-portal:problem:invalid-upload"))
                .body("detail", equalTo("Unknown columns 'company', 'phone'; the columns are tenantId,displayName,"
                        + "defaultDomain,initialDomain,domains,aliases,refs,source (any order, any case)."));
        importFile(TestTokens.ALPHA, "", CSV, "tenantId,aliases\n" + CONTOSO + ",x\n").then().statusCode(400)
                .body("detail", startsWith("The header lacks the column displayName;"));
        importFile(TestTokens.ALPHA, "", CSV, "tenantId,displayName,TenantID\n").then().statusCode(400)
                .body("detail", equalTo("The header names the column tenantId twice."));
        importFile(TestTokens.ALPHA, "", "text/plain", "tenantId,displayName\n").then().statusCode(415)
                .contentType("application/problem+json");
        importFile(TestTokens.ALPHA, "?partial=maybe", CSV, "tenantId,displayName\n").then().statusCode(400)
                .body("detail", equalTo("partial: must be true or false"));
    }

    @Test
    void jsonRowsTakePutsRulesAndAreNumberedFromOne() {
        String json = "[{\"tenantId\": \"" + CONTOSO + "\", \"displayName\": \"Contoso Ltd\", \"createdAt\": \"ignored\"},"
                + "{\"tenantId\": \"" + FABRIKAM + "\", \"displayName\": \"Fabrikam\", \"domains\": \"fabrikam.com\"},"
                + "{\"tenantId\": \"" + NORTHWIND + "\", \"displayName\": \"Northwind\", \"source\": \"graph\"},"
                + "{\"displayName\": \"No tenant\"}, 42]";

        importFile(TestTokens.ALPHA, "?partial=true", JSON, json).then().statusCode(200)
                .body("rows.row", contains(1, 2, 3, 4, 5))
                .body("rows.outcome", contains("created", "invalid", "created", "invalid", "invalid"))
                .body("rows[1].field", equalTo("domains"))
                .body("rows[1].reason", equalTo("domains: has the wrong type"))
                .body("rows[3].reason", equalTo("tenantId: is required"))
                .body("rows[3].tenantId", nullValue());
        // graph is the sync's word: an import row saying it is written as import
        as(TestTokens.alphaReader()).get("/tenants/Northwind").then().body("source", equalTo("import"));
    }

    @Test
    void aGraphCustomerStaysWithGraphAsWithAPutUntilARowTakesItOver() {
        database.execute("INSERT INTO customer (mssp_id, tenant_id, display_name, aliases, source) "
                + "SELECT id, '" + CONTOSO + "', 'Contoso Ltd', '{Contoso}', 'graph' FROM mssp WHERE mssp_key = 'alpha'");
        database.execute("INSERT INTO customer_name (mssp_id, customer_id, kind, name, name_key, loose_key) "
                + "SELECT mssp_id, id, 'display_name', 'Contoso Ltd', 'contoso ltd', 'contoso' FROM customer UNION ALL "
                + "SELECT mssp_id, id, 'alias', 'Contoso', 'contoso', 'contoso' FROM customer");
        String exported = exportCsv(TestTokens.ALPHA);
        assertTrue(exported.endsWith(CONTOSO + ",Contoso Ltd,,,,Contoso,,graph\n"), exported);

        importFile(TestTokens.ALPHA, "", CSV, exported).then().statusCode(200).body("rows[0].outcome", equalTo("unchanged"));
        // changed with source graph, as a PUT: the sync keeps managing it
        importFile(TestTokens.ALPHA, "", CSV, exported.replace("Contoso,,graph", "Contoso;CTS,,graph")).then()
                .statusCode(200).body("rows[0].outcome", equalTo("updated"))
                .body("rows[0].reason", equalTo("changes aliases"));
        assertEquals("graph", database.text("SELECT source FROM customer"));
        // the same row saying manual: the admin takes it over
        importFile(TestTokens.ALPHA, "", CSV, exported.replace("Contoso,,graph", "Contoso;CTS,,manual")).then()
                .statusCode(200).body("rows[0].outcome", equalTo("updated"))
                .body("rows[0].reason", equalTo("changes source"));
        assertEquals("manual", database.text("SELECT source FROM customer"));
        // graph cannot be given to a customer the sync does not manage: it asks for nothing there
        importFile(TestTokens.ALPHA, "", CSV, exported.replace("Contoso,,graph", "Contoso;CTS,,graph")).then()
                .statusCode(200).body("rows[0].outcome", equalTo("unchanged"));
    }

    @Test
    void mergeRefsAddsReferencesToExistingCustomersOnly() {
        put(TestTokens.ALPHA, CONTOSO, customer("Contoso Ltd", "aliases", List.of("Contoso"), "refs", List.of(ref("halopsa", "12"))));
        put(TestTokens.ALPHA, FABRIKAM, customer("Fabrikam"));
        String csv = "tenantId,refs\n" + CONTOSO + ",halopsa:99\n" + FABRIKAM + ",halopsa:57;autotask:3\n"
                + NORTHWIND + ",halopsa:5\n" + BAKERY + ",\n";

        importFile(TestTokens.ALPHA, "?merge=refs&partial=true", CSV, csv).then().statusCode(200)
                .body("merge", equalTo("refs"))
                .body("rows.outcome", contains("updated", "updated", "invalid", "invalid"))
                .body("rows[0].reason", equalTo("changes refs"))
                .body("rows[2].reason", equalTo("no customer of this MSSP has this tenant id; references are added to "
                        + "existing customers only"));

        as(TestTokens.alphaReader()).get("/tenants/{id}", CONTOSO).then().statusCode(200)
                .body("refs.id", contains("12", "99")).body("aliases", contains("Contoso")).body("source", equalTo("manual"));
        as(TestTokens.alphaReader()).get("/tenants/{id}", FABRIKAM).then()
                .body("refs.system", contains("halopsa", "autotask")).body("refs.id", contains("57", "3"));
        assertEquals(2, database.count("SELECT count(*) FROM audit_event WHERE action = 'customer.refs-added'"));
        // the same again changes nothing; a reference of another customer conflicts
        importFile(TestTokens.ALPHA, "?merge=refs", CSV, "tenantId,refs\n" + CONTOSO + ",halopsa:99\n").then()
                .statusCode(200).body("rows[0].outcome", equalTo("unchanged"));
        importFile(TestTokens.ALPHA, "?merge=refs", CSV, "tenantId,refs\n" + FABRIKAM + ",halopsa:12\n").then()
                .statusCode(422).body("rows[0].outcome", equalTo("conflict"));
    }

    @Test
    void anImportOnlyTouchesTheCallersMssp() {
        put(TestTokens.ALPHA, CONTOSO, customer("Contoso Ltd", "aliases", List.of("Contoso")));
        importFile(TestTokens.BETA, "", CSV, "tenantId,displayName,aliases\n" + FABRIKAM + ",Fabrikam,Contoso\n")
                .then().statusCode(200).body("counts.created", equalTo(1));
        as(TestTokens.alphaReader()).get("/tenants/Contoso").then().body("tenantId", equalTo(CONTOSO));
        as(TestTokens.token(TestTokens.BETA, TestTokens.READ)).get("/tenants/Contoso").then().body("tenantId", equalTo(FABRIKAM));
    }
}
