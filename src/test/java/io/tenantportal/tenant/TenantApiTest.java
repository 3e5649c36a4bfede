package io.tenantportal.tenant;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tenantportal.support.ApiTest;
import io.tenantportal.support.TestTokens;

@QuarkusTest
class TenantApiTest extends ApiTest {

    static final String CONTOSO = "2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01";
    static final String FABRIKAM = "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9";
    static final String ADATUM = "c0ffee00-1234-4abc-8def-0123456789ab";

    @Test
    void putCreatesWithLocationThenReplacesIdempotently() {
        String location = putCustomer(TestTokens.ALPHA, CONTOSO.toUpperCase(), "Contoso Ltd", "Contoso.com",
                "contoso.onmicrosoft.com", List.of("contoso.com"), List.of("Contoso", "CONTOSO-UK"))
                .then().statusCode(201)
                .contentType(ContentType.JSON)
                .body("tenantId", equalTo(CONTOSO))
                .body("displayName", equalTo("Contoso Ltd"))
                .body("defaultDomain", equalTo("contoso.com"))
                .body("initialDomain", equalTo("contoso.onmicrosoft.com"))
                .body("domains", contains("contoso.com"))
                .body("aliases", contains("Contoso", "CONTOSO-UK"))
                .body("source", equalTo("manual"))
                .body("verifiedAt", nullValue())
                .body("createdAt", notNullValue())
                .extract().header("Location");
        assertEquals("/tenants/" + CONTOSO, java.net.URI.create(location).getPath());
        String updatedAt = as(TestTokens.alphaReader()).get("/tenants/{name}", CONTOSO).then().statusCode(200)
                .extract().path("updatedAt");

        putCustomer(TestTokens.ALPHA, CONTOSO, "Contoso Ltd", "contoso.com", "contoso.onmicrosoft.com",
                List.of("contoso.com"), List.of("Contoso", "CONTOSO-UK"))
                .then().statusCode(200)
                .header("Location", nullValue())
                .body("updatedAt", equalTo(updatedAt));

        assertEquals(1, database.count("SELECT count(*) FROM customer"));
        assertEquals(5, database.count("SELECT count(*) FROM customer_name WHERE deleted_at IS NULL"));
        assertEquals(1, database.count("SELECT count(*) FROM audit_event"));
    }

    @Test
    void replaceRenamesAndFreesDroppedNames() {
        createCustomer(TestTokens.ALPHA, CONTOSO, "Contoso Ltd", "Contoso");
        putCustomer(TestTokens.ALPHA, CONTOSO, "Contoso Group", null, null, List.of(), List.of("CG"))
                .then().statusCode(200)
                .body("displayName", equalTo("Contoso Group"))
                .body("aliases", contains("CG"));

        as(TestTokens.alphaReader()).get("/tenants/{name}", "CG").then().statusCode(200)
                .body("tenantId", equalTo(CONTOSO));
        as(TestTokens.alphaReader()).get("/tenants/{name}", "Contoso Ltd").then().statusCode(404);
        // the dropped alias is free for another customer now
        createCustomer(TestTokens.ALPHA, FABRIKAM, "Fabrikam", "Contoso");
        assertEquals(2, database.count("SELECT count(*) FROM customer_name WHERE deleted_at IS NOT NULL"));
    }

    @Test
    void nameOfAnotherCustomerIsRefusedWithTheOwner() {
        createCustomer(TestTokens.ALPHA, CONTOSO, "Contoso Ltd", "contoso.com", null, List.of(), List.of("Contoso"));
        putCustomer(TestTokens.ALPHA, FABRIKAM, "Fabrikam", null, null, List.of("CONTOSO.COM"), List.of("contoso"))
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tenant-portal:problem:name-conflict"))
                .body("status", equalTo(409))
                .body("detail", equalTo("2 names already name other customers."))
                .body("conflicts", hasSize(2))
                .body("conflicts.name", contains("contoso", "contoso.com"))
                .body("conflicts.tenantId", contains(CONTOSO, CONTOSO))
                .body("conflicts.displayName", contains("Contoso Ltd", "Contoso Ltd"));
        assertEquals(1, database.count("SELECT count(*) FROM customer"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "tenant id in path|not-a-guid|{\"displayName\":\"X\"}|tenantId|must be a tenant id (GUID)",
            "missing display name|" + CONTOSO + "|{}|displayName|must not be blank",
            "blank display name|" + CONTOSO + "|{\"displayName\":\"  \"}|displayName|must not be blank",
            "bad domain|" + CONTOSO + "|{\"displayName\":\"X\",\"domains\":[\"ok.com\",\"no domain\"]}|domains[1]|is not a domain name",
            "bad default domain|" + CONTOSO + "|{\"displayName\":\"X\",\"defaultDomain\":\"https://x.com\"}|defaultDomain|is not a domain name",
            "initial domain elsewhere|" + CONTOSO + "|{\"displayName\":\"X\",\"initialDomain\":\"contoso.com\"}|initialDomain|must be a <name>.onmicrosoft.com domain",
            "control char alias|" + CONTOSO + "|{\"displayName\":\"X\",\"aliases\":[\"a\\u0000b\"]}|aliases[0]|must not contain control or invisible characters",
            "tenant id mismatch|" + CONTOSO + "|{\"tenantId\":\"" + FABRIKAM + "\",\"displayName\":\"X\"}|tenantId|must equal the tenant id in the path",
            "graph source|" + CONTOSO + "|{\"displayName\":\"X\",\"source\":\"graph\"}|source|must be manual or import; graph is set by sync only" })
    void invalidPutIsRefusedWithTheField(String label, String tenantId, String body, String field, String message) {
        as(TestTokens.alphaAdmin()).contentType(ContentType.JSON).body(body)
                .put("/tenants/{id}", tenantId)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tenant-portal:problem:invalid-request"))
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", equalTo(message));
        assertEquals(0, database.count("SELECT count(*) FROM customer"));
    }

    @Test
    void unreadableJsonIsABadRequest() {
        as(TestTokens.alphaAdmin()).contentType(ContentType.JSON).body("{\"displayName\": ")
                .put("/tenants/{id}", CONTOSO)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("The request body is not valid JSON of the expected shape."));
    }

    @Test
    void tooManyAliasesAreRefused() {
        List<String> aliases = java.util.stream.IntStream.range(0, 51).mapToObj(i -> "alias " + i).toList();
        putCustomer(TestTokens.ALPHA, CONTOSO, "Contoso", null, null, List.of(), aliases)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("aliases"));
    }

    @Test
    void listIsPagedSortedAndFiltered() {
        createCustomer(TestTokens.ALPHA, CONTOSO, "Contoso Ltd", "Contoso");
        createCustomer(TestTokens.ALPHA, FABRIKAM, "Fabrikam Inc", "fabrikam.com", null, List.of("fabrikam.com"),
                List.of());
        createCustomer(TestTokens.ALPHA, ADATUM, "Adatum Corporation");

        as(TestTokens.alphaReader()).queryParam("size", 2).get("/tenants")
                .then().statusCode(200)
                .body("items.displayName", contains("Adatum Corporation", "Contoso Ltd"))
                .body("page", equalTo(0)).body("size", equalTo(2)).body("total", equalTo(3));
        as(TestTokens.alphaReader()).queryParam("size", 2).queryParam("page", 1).get("/tenants")
                .then().statusCode(200)
                .body("items.displayName", contains("Fabrikam Inc"))
                .body("total", equalTo(3));
        as(TestTokens.alphaReader()).queryParam("q", "FABRIKAM.C").get("/tenants")
                .then().statusCode(200).body("items.tenantId", contains(FABRIKAM)).body("total", equalTo(1));
        as(TestTokens.alphaReader()).queryParam("q", "ntos").get("/tenants")
                .then().statusCode(200).body("items.tenantId", contains(CONTOSO));
        as(TestTokens.alphaReader()).queryParam("q", ADATUM.toUpperCase()).get("/tenants")
                .then().statusCode(200).body("items.tenantId", contains(ADATUM));
        as(TestTokens.alphaReader()).queryParam("q", "100%_\\").get("/tenants")
                .then().statusCode(200).body("items", empty()).body("total", equalTo(0));
    }

    @ParameterizedTest
    @CsvSource({ "page,-1", "size,0", "size,201", "size,ten" })
    void badPagingIsRefused(String parameter, String value) {
        as(TestTokens.alphaReader()).queryParam(parameter, value).get("/tenants")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(parameter));
    }

    @Test
    void getResolvesEveryKindOfName() {
        createCustomer(TestTokens.ALPHA, CONTOSO, "Contoso Ltd", "contoso.com", "contoso.onmicrosoft.com",
                List.of("contoso.co.uk"), List.of("CONTOSO-UK"));
        for (String name : List.of("Contoso Ltd", "contoso-uk", "contoso.com", "CONTOSO.CO.UK",
                "contoso.onmicrosoft.com", CONTOSO)) {
            as(TestTokens.alphaReader()).get("/tenants/{name}", name)
                    .then().statusCode(200).body("tenantId", equalTo(CONTOSO)).body("displayName", equalTo("Contoso Ltd"));
        }
    }

    @Test
    void deleteKeepsTheRowAndFreesItsNames() {
        createCustomer(TestTokens.ALPHA, CONTOSO, "Contoso Ltd", "Contoso");
        as(TestTokens.alphaAdmin()).delete("/tenants/{id}", CONTOSO).then().statusCode(204);

        as(TestTokens.alphaReader()).get("/tenants/{name}", "Contoso").then().statusCode(404);
        as(TestTokens.alphaReader()).get("/tenants").then().body("total", equalTo(0));
        assertEquals(1, database.count("SELECT count(*) FROM customer WHERE deleted_at IS NOT NULL"));
        assertEquals(2, database.count("SELECT count(*) FROM customer_name WHERE deleted_at IS NOT NULL"));
        as(TestTokens.alphaAdmin()).delete("/tenants/{id}", CONTOSO).then().statusCode(404)
                .contentType("application/problem+json");

        // the tenant can be mapped again; the deleted row stays as history
        createCustomer(TestTokens.ALPHA, CONTOSO, "Contoso Ltd", "Contoso");
        assertEquals(2, database.count("SELECT count(*) FROM customer"));
    }

    @Test
    void auditLogRecordsWritesForAdminsOnly() {
        createCustomer(TestTokens.ALPHA, CONTOSO, "Contoso Ltd");
        as(TestTokens.alphaAdmin()).delete("/tenants/{id}", CONTOSO).then().statusCode(204);

        as(TestTokens.alphaAdmin()).get("/audit")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.action", contains("customer.deleted", "customer.created"))
                .body("items.tenantId", contains(CONTOSO, CONTOSO))
                .body("items.kind", contains("change", "change"))
                .body("items.actor.type", contains("user", "user"))
                .body("items.actor.name", contains("ticket-sync-11111111", "ticket-sync-11111111"))
                .body("items[0].detail", equalTo("Contoso Ltd"))
                .body("items[0].at", notNullValue());
        as(TestTokens.alphaReader()).get("/audit").then().statusCode(403);
        as(TestTokens.betaAdmin()).get("/audit").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void readersCannotWrite() {
        createCustomer(TestTokens.ALPHA, CONTOSO, "Contoso Ltd");
        as(TestTokens.alphaReader()).contentType(ContentType.JSON).body(Map.of("displayName", "Mine"))
                .put("/tenants/{id}", FABRIKAM)
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tenant-portal:problem:forbidden"));
        as(TestTokens.alphaReader()).delete("/tenants/{id}", CONTOSO).then().statusCode(403);
        assertEquals(1, database.count("SELECT count(*) FROM customer WHERE deleted_at IS NULL"));
    }
}
