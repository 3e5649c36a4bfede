package io.tenantportal.mssp;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tenantportal.support.ApiTest;
import io.tenantportal.support.TestTokens;

/** MSSP A can neither see nor touch MSSP B's customers; B's names look to A like names that do not exist. */
@QuarkusTest
class MsspIsolationTest extends ApiTest {

    static final String ALPHA_CONTOSO = "2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01";
    static final String BETA_CONTOSO_BANK = "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9";
    static final String BETA_SECRET = "c0ffee00-1234-4abc-8def-0123456789ab";

    @BeforeEach
    void customers() {
        createCustomer(TestTokens.ALPHA, ALPHA_CONTOSO, "Contoso Ltd", "contoso.com", null, List.of(), List.of());
        createCustomer(TestTokens.BETA, BETA_CONTOSO_BANK, "Contoso Bank", "contosobank.com", null, List.of(),
                List.of("CB"));
        createCustomer(TestTokens.BETA, BETA_SECRET, "Secret Customer Plc", "Contoso Limited");
    }

    @Test
    void listShowsOnlyOwnCustomers() {
        as(TestTokens.alphaReader()).get("/tenants").then().statusCode(200)
                .body("items.tenantId", contains(ALPHA_CONTOSO)).body("total", equalTo(1));
        as(TestTokens.alphaReader()).queryParam("q", BETA_SECRET).get("/tenants").then()
                .body("items", empty()).body("total", equalTo(0));
        as(TestTokens.token(TestTokens.BETA, TestTokens.READ)).get("/tenants").then()
                .body("items.displayName", contains("Contoso Bank", "Secret Customer Plc"));
    }

    @Test
    void otherMsspNamesAreSimplyNotFound() {
        for (String name : List.of("Contoso Bank", "CB", "contosobank.com", BETA_CONTOSO_BANK, "Secret Customer Plc")) {
            as(TestTokens.alphaReader()).get("/tenants/{name}/portal", name)
                    .then().statusCode(404)
                    .header("Location", (String) null)
                    .body("type", equalTo("urn:tenant-portal:problem:customer-not-found"));
            as(TestTokens.alphaReader()).get("/tenants/{name}", name).then().statusCode(404);
        }
    }

    @Test
    void suggestionsNeverNameAnotherMsspsCustomers() {
        as(TestTokens.alphaReader()).get("/tenants/{name}", "Contoso Bnk")
                .then().statusCode(404).body("suggestions", contains("Contoso Ltd"));
        as(TestTokens.alphaReader()).get("/tenants/{name}", "Secret Customer")
                .then().statusCode(404).body("suggestions", empty());
    }

    @Test
    void candidatesNeverNameAnotherMsspsCustomers() {
        // Beta's alias "Contoso Limited" shares alpha's loose key "contoso"; alpha still gets exactly its own.
        as(TestTokens.alphaReader()).get("/tenants/{name}", "Contoso")
                .then().statusCode(200).body("tenantId", equalTo(ALPHA_CONTOSO));
        as(TestTokens.token(TestTokens.BETA, TestTokens.READ)).get("/tenants/{name}", "Contoso Ltd")
                .then().statusCode(200).body("tenantId", equalTo(BETA_SECRET));
    }

    @Test
    void cannotChangeOrDeleteAnotherMsspsCustomer() {
        as(TestTokens.alphaAdmin()).delete("/tenants/{id}", BETA_CONTOSO_BANK).then().statusCode(404);

        // A PUT of the same tenant id creates alpha's own mapping; beta's row is untouched.
        as(TestTokens.alphaAdmin()).contentType(ContentType.JSON).body(Map.of("displayName", "Hijacked", "aliases",
                List.of("CB"))).put("/tenants/{id}", BETA_CONTOSO_BANK).then().statusCode(201);
        as(TestTokens.token(TestTokens.BETA, TestTokens.READ)).get("/tenants/{name}", "CB")
                .then().statusCode(200).body("displayName", equalTo("Contoso Bank"));
        assertEquals(1, database.count("SELECT count(*) FROM customer c JOIN mssp m ON m.id = c.mssp_id "
                + "WHERE m.mssp_key = 'beta' AND c.display_name = 'Contoso Bank' AND c.deleted_at IS NULL"));
    }
}
