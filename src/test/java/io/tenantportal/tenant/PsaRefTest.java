package io.tenantportal.tenant;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.tenantportal.support.ApiTest;
import io.tenantportal.support.GraphWireMock;
import io.tenantportal.support.TestTokens;

/** PSA references written with a customer: validated, unique per MSSP and system, kept by syncs. */
@QuarkusTest
class PsaRefTest extends ApiTest {

    static final String CONTOSO = "2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01";
    static final String FABRIKAM = "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9";

    static Response putWithRefs(String tid, String tenantId, String displayName, String refsJson) {
        return as(TestTokens.token(tid, TestTokens.ADMIN)).contentType(ContentType.JSON)
                .body("{\"displayName\":\"" + displayName + "\",\"refs\":" + refsJson + "}")
                .put("/tenants/{id}", tenantId);
    }

    @Test
    void referencesAreWrittenWithTheCustomerAndShownInItsJson() {
        putWithRefs(TestTokens.ALPHA, CONTOSO, "Contoso Ltd",
                "[{\"system\":\"ConnectWise\",\"id\":\"250\"},{\"system\":\"x-itglue\",\"id\":\"Org 7/A\"}]")
                .then().statusCode(201)
                .body("refs.system", contains("connectwise", "x-itglue"))
                .body("refs.id", contains("250", "Org 7/A"));
        as(TestTokens.alphaReader()).get("/tenants/{name}", CONTOSO).then().statusCode(200)
                .body("refs", hasSize(2)).body("refs[1].id", equalTo("Org 7/A"));
        // the same body again changes nothing; dropping one frees it
        putWithRefs(TestTokens.ALPHA, CONTOSO, "Contoso Ltd",
                "[{\"system\":\"connectwise\",\"id\":\"250\"},{\"system\":\"x-itglue\",\"id\":\"Org 7/A\"}]")
                .then().statusCode(200);
        putWithRefs(TestTokens.ALPHA, CONTOSO, "Contoso Ltd", "[{\"system\":\"connectwise\",\"id\":\"250\"}]")
                .then().statusCode(200).body("refs.id", contains("250"));
        assertEquals(1, database.count("SELECT count(*) FROM customer_ref WHERE deleted_at IS NULL"));
        assertEquals(1, database.count("SELECT count(*) FROM customer_ref WHERE deleted_at IS NOT NULL"));
        putWithRefs(TestTokens.ALPHA, FABRIKAM, "Fabrikam", "[{\"system\":\"x-itglue\",\"id\":\"Org 7/A\"}]")
                .then().statusCode(201);
    }

    @Test
    void aReferenceOfAnotherCustomerIsAConflictNamingItsOwner() {
        putWithRefs(TestTokens.ALPHA, CONTOSO, "Contoso Ltd", "[{\"system\":\"halopsa\",\"id\":\"12\"}]").then().statusCode(201);
        putWithRefs(TestTokens.ALPHA, FABRIKAM, "Fabrikam",
                "[{\"system\":\"halopsa\",\"id\":\"12\"},{\"system\":\"halopsa\",\"id\":\"13\"}]")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tenant-portal:problem:name-conflict"))
                .body("detail", equalTo("The reference halopsa:12 already belongs to another customer."))
                .body("conflicts", hasSize(1))
                .body("conflicts[0].ref.system", equalTo("halopsa"))
                .body("conflicts[0].ref.id", equalTo("12"))
                .body("conflicts[0].tenantId", equalTo(CONTOSO))
                .body("conflicts[0].displayName", equalTo("Contoso Ltd"));
        assertEquals(1, database.count("SELECT count(*) FROM customer"));
        // ids compare exactly: another case or another system is another reference
        putWithRefs(TestTokens.ALPHA, FABRIKAM, "Fabrikam",
                "[{\"system\":\"connectwise\",\"id\":\"12\"},{\"system\":\"x-halo\",\"id\":\"12\"}]")
                .then().statusCode(201);
    }

    @Test
    void anotherMsspMayUseTheSameReference() {
        putWithRefs(TestTokens.ALPHA, CONTOSO, "Contoso Ltd", "[{\"system\":\"autotask\",\"id\":\"0042\"}]").then().statusCode(201);
        putWithRefs(TestTokens.BETA, FABRIKAM, "Fabrikam", "[{\"system\":\"autotask\",\"id\":\"0042\"}]").then().statusCode(201);
    }

    @Test
    void aDeletedCustomerFreesItsReferences() {
        putWithRefs(TestTokens.ALPHA, CONTOSO, "Contoso Ltd", "[{\"system\":\"servicenow\",\"id\":\"abc\"}]").then().statusCode(201);
        as(TestTokens.alphaAdmin()).delete("/tenants/{id}", CONTOSO).then().statusCode(204);
        putWithRefs(TestTokens.ALPHA, FABRIKAM, "Fabrikam", "[{\"system\":\"servicenow\",\"id\":\"abc\"}]").then().statusCode(201);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown system|[{\"system\":\"jira\",\"id\":\"1\"}]|refs[0].system",
            "custom system too long|[{\"system\":\"x-abcdefghijklmnopqrstuvwxyz012345\",\"id\":\"1\"}]|refs[0].system",
            "custom system with a dot|[{\"system\":\"x-it.glue\",\"id\":\"1\"}]|refs[0].system",
            "no system|[{\"id\":\"1\"}]|refs[0].system",
            "empty id|[{\"system\":\"halopsa\",\"id\":\"\"}]|refs[0].id",
            "control character|[{\"system\":\"halopsa\",\"id\":\"a\\u0007b\"}]|refs[0].id",
            "line break|[{\"system\":\"halopsa\",\"id\":\"a\\nb\"}]|refs[0].id",
            "leading space|[{\"system\":\"halopsa\",\"id\":\" 12\"}]|refs[0].id",
            "null entry|[null]|refs[0]" })
    void invalidReferencesAreRefusedWithTheField(String label, String refs, String field) {
        putWithRefs(TestTokens.ALPHA, CONTOSO, "Contoso Ltd", refs)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field));
        assertEquals(0, database.count("SELECT count(*) FROM customer"));
    }

    @Test
    void aHugeReferenceIsRefused() {
        String huge = "9".repeat(10_000);
        putWithRefs(TestTokens.ALPHA, CONTOSO, "Contoso Ltd", "[{\"system\":\"halopsa\",\"id\":\"" + huge + "\"}]")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("refs[0].id"))
                .body("errors[0].message", equalTo("must be at most 128 characters"));
        String many = "[" + "{\"system\":\"halopsa\",\"id\":\"1\"},".repeat(21) + "{\"system\":\"halopsa\",\"id\":\"2\"}]";
        putWithRefs(TestTokens.ALPHA, CONTOSO, "Contoso Ltd", many).then().statusCode(400)
                .body("errors[0].field", equalTo("refs"));
    }

    @Test
    void referencesAloneCanBeReplacedAndAGraphCustomerStaysGraph() {
        GraphWireMock.server().stubFor(get(urlPathEqualTo(GraphWireMock.GDAP_PATH))
                .willReturn(okJson(GraphWireMock.page(List.of(GraphWireMock.gdap(CONTOSO, "Contoso Ltd")), null))));
        as(TestTokens.alphaAdmin()).post("/sync").then().statusCode(200);

        as(TestTokens.alphaAdmin()).contentType(ContentType.JSON)
                .body("{\"refs\":[{\"system\":\"halopsa\",\"id\":\"12\"}]}")
                .put("/tenants/{id}/refs", CONTOSO).then().statusCode(200)
                .body("source", equalTo("graph"))
                .body("refs[0].id", equalTo("12"));
        as(TestTokens.alphaReader()).get("/refs/{system}/{id}", "halopsa", "12").then().statusCode(200)
                .body("tenantId", equalTo(CONTOSO));
        // a sync afterwards keeps them, and a GET result can be PUT back unchanged, source graph included
        as(TestTokens.alphaAdmin()).post("/sync").then().statusCode(200);
        String customer = as(TestTokens.alphaReader()).get("/tenants/{id}", CONTOSO).then().statusCode(200)
                .body("refs[0].id", equalTo("12")).extract().asString();
        as(TestTokens.alphaAdmin()).contentType(ContentType.JSON).body(customer).put("/tenants/{id}", CONTOSO)
                .then().statusCode(200).body("source", equalTo("graph"));

        putWithRefs(TestTokens.ALPHA, FABRIKAM, "Fabrikam", "[]").then().statusCode(201);
        as(TestTokens.alphaAdmin()).contentType(ContentType.JSON)
                .body("{\"refs\":[{\"system\":\"halopsa\",\"id\":\"12\"}]}")
                .put("/tenants/{id}/refs", FABRIKAM).then().statusCode(409)
                .body("conflicts[0].tenantId", equalTo(CONTOSO));
        as(TestTokens.alphaAdmin()).contentType(ContentType.JSON).body("{\"refs\":[]}")
                .put("/tenants/{id}/refs", "c0ffee00-1234-4abc-8def-0123456789ab").then().statusCode(404);
        // a manual customer cannot be made a Graph one
        as(TestTokens.alphaAdmin()).contentType(ContentType.JSON).body("{\"displayName\":\"Fabrikam\",\"source\":\"graph\"}")
                .put("/tenants/{id}", FABRIKAM).then().statusCode(400).body("errors[0].field", equalTo("source"));
    }
}
