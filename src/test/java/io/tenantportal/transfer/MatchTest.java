package io.tenantportal.transfer;

import static io.tenantportal.transfer.ImportExportTest.customer;
import static io.tenantportal.transfer.ImportExportTest.put;
import static io.tenantportal.transfer.ImportExportTest.ref;
import static io.tenantportal.transfer.Transfers.CSV;
import static io.tenantportal.transfer.Transfers.importFile;
import static io.tenantportal.transfer.Transfers.match;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tenantportal.support.ApiTest;
import io.tenantportal.support.TestTokens;

/** POST /import/match proposes customers for PSA companies, says how sure it is, and writes nothing. */
@QuarkusTest
class MatchTest extends ApiTest {

    static final String CONTOSO = "2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01";
    static final String NORTHWIND = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    static final String FABRIKAM_INC = "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9";
    static final String FABRIKAM_GMBH = "c0ffee00-1234-4abc-8def-0123456789ab";
    static final String WOODGROVE = "5e0d9c8b-7a6f-4e5d-8c4b-3a2f1e0d9c8b";
    static final String LITWARE = "0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5";
    static final String TAILSPIN = "1d2e3f40-5b6c-4d7e-8f90-a1b2c3d4e5f6";
    static final String PROSEWARE = "2e3f4051-6c7d-4e8f-90a1-b2c3d4e5f607";
    static final String JSON = "application/json";

    @BeforeEach
    void customersOfAlpha() {
        put(TestTokens.ALPHA, CONTOSO, customer("Contoso Ltd", "defaultDomain", "contoso.com",
                "domains", List.of("contoso.com", "contoso.co.uk"), "aliases", List.of("Contoso")));
        put(TestTokens.ALPHA, NORTHWIND, customer("Northwind Traders", "defaultDomain", "northwind.example"));
        put(TestTokens.ALPHA, FABRIKAM_INC, customer("Fabrikam Inc"));
        put(TestTokens.ALPHA, FABRIKAM_GMBH, customer("Fabrikam GmbH"));
        put(TestTokens.ALPHA, WOODGROVE, customer("Woodgrove Bank"));
        put(TestTokens.ALPHA, LITWARE, customer("Litware Inc", "domains", List.of("litware.example")));
        put(TestTokens.ALPHA, TAILSPIN, customer("Tailspin Toys", "refs", List.of(ref("halopsa", "77"))));
        put(TestTokens.ALPHA, PROSEWARE, customer("Proseware"));
    }

    static String companies(String... companies) {
        return "{\"companies\": [" + String.join(",", companies) + "]}";
    }

    static String company(String id, String name, String... domains) {
        return "{\"system\": \"halopsa\", \"id\": \"" + id + "\", \"name\": \"" + name + "\", \"domains\": ["
                + String.join(",", List.of(domains).stream().map(d -> "\"" + d + "\"").toList()) + "]}";
    }

    @Test
    void eachCompanyGetsTheStrongestEvidenceAndSimilarNamesAreNeverCertain() {
        long audited = database.count("SELECT count(*) FROM audit_event");
        JsonPath answer = match(TestTokens.ALPHA, "", JSON, companies(
                company("1", "Contoso Holdings", "https://www.contoso.co.uk/about"),
                company("2", "Northwind Trading"),
                company("3", "Fabrikam"),
                company("4", "Woodgrove Bank"),
                company("5", "Woodgrove Bank"),
                company("6", "Adventure Works", "adventure-works.example"),
                company("77", "Tailspin Toys Ltd"),
                company("8", "LITWARE, INC."),
                company("9", "Litware", "sales@litware.example"),
                company("10", "PROSEWARE")))
                .then().statusCode(200).extract().jsonPath();

        // a renamed company with its old domain: the domain decides, certainly
        assertEquals(List.of("1", "2", "9", "10"), answer.getList("proposals.company.id"));
        assertEquals(Map.of("system", "halopsa", "id", "1", "name", "Contoso Holdings", "domains", List.of("www.contoso.co.uk")),
                answer.getMap("proposals[0].company"));
        assertEquals(List.of(CONTOSO, "Contoso Ltd", "domain", 1.0f, true), List.of(answer.getString("proposals[0].tenantId"),
                answer.getString("proposals[0].displayName"), answer.getString("proposals[0].reason"),
                answer.getFloat("proposals[0].score"), answer.getBoolean("proposals[0].certain")));
        // a renamed company without a domain: a similar name, a score below 0.8, never certain
        assertEquals(NORTHWIND, answer.getString("proposals[1].tenantId"));
        assertEquals("similar-name", answer.getString("proposals[1].reason"));
        assertEquals(0.78f, answer.getFloat("proposals[1].score"));
        assertEquals(false, answer.getBoolean("proposals[1].certain"));
        assertEquals(List.of(LITWARE, "domain"), List.of(answer.getString("proposals[2].tenantId"),
                answer.getString("proposals[2].reason")));
        assertEquals(List.of(PROSEWARE, "name", 0.95f), List.of(answer.getString("proposals[3].tenantId"),
                answer.getString("proposals[3].reason"), answer.getFloat("proposals[3].score")));

        // one name, two customers; two companies, one customer; a weaker claim on a customer another company has
        assertEquals(List.of("3", "4", "5", "8"), answer.getList("ambiguous.company.id"));
        assertEquals(List.of(FABRIKAM_GMBH, FABRIKAM_INC), answer.getList("ambiguous[0].candidates.tenantId"));
        assertEquals(List.of("loose-name", "loose-name"), answer.getList("ambiguous[0].candidates.reason"));
        assertEquals("2 customers match equally well", answer.getString("ambiguous[0].detail"));
        assertEquals(List.of(WOODGROVE), answer.getList("ambiguous[1].candidates.tenantId"));
        assertEquals("matches this customer as well as halopsa:5 (Woodgrove Bank)", answer.getString("ambiguous[1].detail"));
        assertEquals("matches this customer as well as halopsa:4 (Woodgrove Bank)", answer.getString("ambiguous[2].detail"));
        assertEquals("matches this customer less well than halopsa:9 (Litware)", answer.getString("ambiguous[3].detail"));
        assertEquals("loose-name", answer.getString("ambiguous[3].candidates[0].reason"));

        assertEquals(List.of("6"), answer.getList("unmatched.id"));
        assertEquals(List.of("77"), answer.getList("mapped.company.id"));
        assertEquals(TAILSPIN, answer.getString("mapped[0].tenantId"));
        assertEquals(audited, database.count("SELECT count(*) FROM audit_event"));
    }

    @Test
    void acceptedProposalsBecomeReferencesWithOneImport() {
        JsonPath answer = match(TestTokens.ALPHA, "", JSON, companies(
                company("1", "Contoso Holdings", "contoso.com"), company("2", "Northwind Trading"),
                company("10", "Proseware"), company("11", "Proseware Europe", "proseware.example")))
                .then().statusCode(200).extract().jsonPath();

        // the admin accepts the certain proposals: one merge row per proposal, as the README's jq line builds it
        StringBuilder accepted = new StringBuilder("tenantId,refs\n");
        for (Map<String, Object> proposal : answer.<Map<String, Object>>getList("proposals")) {
            if (Boolean.TRUE.equals(proposal.get("certain"))) {
                @SuppressWarnings("unchecked")
                Map<String, String> c = (Map<String, String>) proposal.get("company");
                accepted.append(proposal.get("tenantId")).append(',').append(c.get("system")).append(':')
                        .append(c.get("id")).append('\n');
            }
        }
        importFile(TestTokens.ALPHA, "?merge=refs", CSV, accepted.toString()).then().statusCode(200)
                .body("counts.updated", equalTo(2));

        as(TestTokens.alphaReader()).get("/tenants/{id}", CONTOSO).then().body("refs.id", contains("1"))
                .body("refs.system", contains("halopsa"));
        as(TestTokens.alphaReader()).get("/tenants/{id}", PROSEWARE).then().body("refs.id", contains("10"));
        as(TestTokens.alphaReader()).get("/tenants/{id}", NORTHWIND).then().body("refs", empty());
        // asked again, the confirmed companies are mapped; the rest is still to review
        match(TestTokens.ALPHA, "", JSON, companies(company("1", "Contoso Holdings", "contoso.com"),
                company("2", "Northwind Trading"), company("10", "Proseware"))).then().statusCode(200)
                .body("mapped.company.id", contains("1", "10"))
                .body("proposals.company.id", contains("2"));
    }

    @Test
    void aPsaCsvExportIsMatchedByTheColumnsItNames() {
        String csv = "\uFEFFCompany ID;Company Name;Website;Phone\r\n"
                + "250;Contoso Holdings;www.contoso.co.uk;+1 555 0100\r\n"
                + "251;Adventure Works;;\r\n";

        match(TestTokens.ALPHA, "?system=connectwise&idColumn=Company ID&nameColumn=company name&domainsColumn=Website",
                CSV, csv).then().statusCode(200)
                .body("proposals", hasSize(1))
                .body("proposals[0].company.system", equalTo("connectwise"))
                .body("proposals[0].company.id", equalTo("250"))
                .body("proposals[0].tenantId", equalTo(CONTOSO))
                .body("unmatched[0].id", equalTo("251"));
        match(TestTokens.ALPHA, "?system=connectwise", CSV, csv).then().statusCode(400)
                .body("detail", equalTo("The header has no column 'id'; name the column with ?idColumn= (the header has "
                        + "'company id', 'company name', 'website', 'phone')."));
    }

    @Test
    void companiesAreValidated() {
        match(TestTokens.ALPHA, "", JSON, companies(company("1", " "))).then().statusCode(400)
                .body("detail", equalTo("companies[0].name: must not be blank"));
        match(TestTokens.ALPHA, "", JSON, companies("{\"id\": \"1\", \"name\": \"X\"}")).then().statusCode(400)
                .body("detail", equalTo("companies[0].system: is required: give each company a system, or the query "
                        + "parameter ?system="));
        match(TestTokens.ALPHA, "?system=autotask", JSON, companies("{\"id\": \"1\", \"name\": \"X\"}")).then().statusCode(200)
                .body("unmatched[0].system", equalTo("autotask"));
        match(TestTokens.ALPHA, "", JSON, companies(company("1", "A"), company("1", "B"))).then().statusCode(400)
                .body("detail", equalTo("companies[1]: halopsa:1 is listed twice (also companies[0])"));
        match(TestTokens.ALPHA, "", JSON, "[]").then().statusCode(400)
                .body("detail", equalTo("The body must be a JSON object with the array \"companies\"."));
        StringBuilder many = new StringBuilder();
        for (int i = 0; i <= 10_000; i++) {
            many.append(i == 0 ? "" : ",").append("{\"system\":\"halopsa\",\"id\":\"").append(i).append("\",\"name\":\"C\"}");
        }
        match(TestTokens.ALPHA, "", JSON, "{\"companies\": [" + many + "]}").then().statusCode(400)
                .body("detail", equalTo("companies: must hold at most 10000 companies per call"));
        as(TestTokens.alphaReader()).contentType(JSON).body(companies()).post("/import/match").then().statusCode(403);
    }

    @Test
    void similarNamesBelowTheThresholdAreNoProposal() {
        match(TestTokens.ALPHA, "", JSON, companies(company("1", "Northwind Logistics Europe"))).then().statusCode(200)
                .body("proposals", empty()).body("unmatched.id", contains("1"));
        match(TestTokens.ALPHA, "", JSON, companies(company("1", "Woodgrove Banking Group"))).then().statusCode(200)
                .body("proposals[0].reason", equalTo("similar-name"))
                .body("proposals[0].score", greaterThanOrEqualTo(0.5f))
                .body("proposals[0].score", lessThan(0.8f));
    }
}
