package io.tenantportal.tenant;

import java.util.List;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.tenantportal.support.ApiTest;
import io.tenantportal.support.TestTokens;

@QuarkusTest
class NameResolutionTest extends ApiTest {

    static final String CONTOSO_LTD = "2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01";
    static final String CONTOSO_INC = "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9";

    @ParameterizedTest
    @ValueSource(strings = { "ＣＯＮＴＯＳＯ ＬＴＤ", "  contoso   ltd. ", "Contoso Limited", "CONTOSO, LTD", "contoso\u00a0ltd",
            "Contoso Ltd." })
    void spellingsOfOneNameReachTheCustomer(String name) {
        createCustomer(TestTokens.ALPHA, CONTOSO_LTD, "Contoso Ltd");
        as(TestTokens.alphaReader()).get("/tenants/{name}/portal", name)
                .then().statusCode(302)
                .header("Location", "https://security.microsoft.com/?tid=" + CONTOSO_LTD);
    }

    @Test
    void fullWidthAliasReachesTheCustomer() {
        createCustomer(TestTokens.ALPHA, CONTOSO_LTD, "Contoso Ltd", "Contoso");
        as(TestTokens.alphaReader()).get("/tenants/{name}", "ＣＯＮＴＯＳＯ")
                .then().statusCode(200).body("tenantId", equalTo(CONTOSO_LTD));
    }

    @Test
    void collidingLooseKeysAreAmbiguousNeverAGuess() {
        createCustomer(TestTokens.ALPHA, CONTOSO_LTD, "Contoso Ltd");
        createCustomer(TestTokens.ALPHA, CONTOSO_INC, "Contoso, Inc.");
        as(TestTokens.alphaReader()).get("/tenants/{name}/portal", "Contoso")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .header("Location", (String) null)
                .body("type", equalTo("urn:tenant-portal:problem:ambiguous-name"))
                .body("title", equalTo("Ambiguous name"))
                .body("status", equalTo(409))
                .body("detail", equalTo("The name matches 2 customers; use one of their tenant ids."))
                .body("candidates.displayName", contains("Contoso Ltd", "Contoso, Inc."))
                .body("candidates.tenantId", contains(CONTOSO_LTD, CONTOSO_INC));
        // the exact key still wins over the loose one
        as(TestTokens.alphaReader()).get("/tenants/{name}", "contoso, inc.")
                .then().statusCode(200).body("tenantId", equalTo(CONTOSO_INC));
    }

    @Test
    void looseKeyReachesTheOneCustomerLeftAfterTheOtherIsRenamed() {
        createCustomer(TestTokens.ALPHA, CONTOSO_LTD, "Contoso Ltd");
        createCustomer(TestTokens.ALPHA, CONTOSO_INC, "Contoso, Inc.");
        as(TestTokens.alphaReader()).get("/tenants/{name}", "Contoso").then().statusCode(409);

        putCustomer(TestTokens.ALPHA, CONTOSO_INC, "Fabrikam Inc", null, null, List.of(), List.of())
                .then().statusCode(200);
        as(TestTokens.alphaReader()).get("/tenants/{name}", "Contoso")
                .then().statusCode(200).body("tenantId", equalTo(CONTOSO_LTD));
        as(TestTokens.alphaReader()).get("/tenants/{name}", "Fabrikam")
                .then().statusCode(200).body("tenantId", equalTo(CONTOSO_INC));
    }

    @Test
    void unknownNameSuggestsSimilarCustomers() {
        createCustomer(TestTokens.ALPHA, CONTOSO_LTD, "Contoso Ltd");
        createCustomer(TestTokens.ALPHA, CONTOSO_INC, "Fabrikam Inc", "Contoso Fab");
        createCustomer(TestTokens.ALPHA, "c0ffee00-1234-4abc-8def-0123456789ab", "Woodgrove Bank");
        as(TestTokens.alphaReader()).get("/tenants/{name}/portal", "Contso")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tenant-portal:problem:customer-not-found"))
                .body("title", equalTo("Customer not found"))
                .body("status", equalTo(404))
                .body("detail", equalTo("No customer of this MSSP matches the name."))
                .body("suggestions", contains("Contoso Ltd", "Fabrikam Inc"));
    }

    @Test
    void fragmentOfALongNameIsSuggested() {
        createCustomer(TestTokens.ALPHA, CONTOSO_LTD, "Woodgrove Bank International Holdings");
        createCustomer(TestTokens.ALPHA, CONTOSO_INC, "Fabrikam Inc");
        as(TestTokens.alphaReader()).get("/tenants/{name}", "Woodgrove")
                .then().statusCode(404)
                .body("suggestions", contains("Woodgrove Bank International Holdings"));
    }

    @Test
    void suggestionsAreAtMostFive() {
        for (int i = 1; i <= 7; i++) {
            createCustomer(TestTokens.ALPHA, String.format("00000000-0000-4000-8000-%012d", i), "Northwind " + i);
        }
        as(TestTokens.alphaReader()).get("/tenants/{name}", "Northwnd")
                .then().statusCode(404)
                .body("suggestions", contains("Northwind 1", "Northwind 2", "Northwind 3", "Northwind 4", "Northwind 5"));
    }

    @Test
    void unknownTenantIdIsNotFoundWithoutSuggestions() {
        createCustomer(TestTokens.ALPHA, CONTOSO_LTD, "Contoso Ltd");
        as(TestTokens.alphaReader()).get("/tenants/{name}/portal", CONTOSO_INC)
                .then().statusCode(404).body("suggestions", empty());
    }
}
