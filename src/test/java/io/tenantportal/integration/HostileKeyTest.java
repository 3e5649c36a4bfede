package io.tenantportal.integration;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.tenantportal.support.ApiTest;
import io.tenantportal.support.TestKeys;
import io.tenantportal.support.TestTokens;

/**
 * Whatever is presented as a key, a caller without a valid one gets exactly the 401 of a bad JWT:
 * never a 500, never a hint whether a key exists, never the browser sign-in.
 */
@QuarkusTest
class HostileKeyTest extends ApiTest {

    static final String CONTOSO = "2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01";

    private static RequestSpecification plain() {
        return RestAssured.given().redirects().follow(false);
    }

    private static String badJwtBody() {
        return as("not.a.jwt").get("/tenants").then().statusCode(401).extract().asString();
    }

    private static void assertSameUnauthorized(Response response, String expectedBody, String what) {
        assertEquals(401, response.statusCode(), what);
        assertEquals("application/problem+json", response.contentType(), what);
        assertEquals("Bearer", response.header("WWW-Authenticate"), what);
        assertEquals(null, response.header("Location"), what);
        assertEquals(expectedBody, response.asString(), what);
    }

    @Test
    void everyBadKeyGetsTheSame401AsABadJwt() {
        createCustomer(TestTokens.ALPHA, CONTOSO, "Contoso Ltd", "Contoso");
        TestKeys.Issued revoked = TestKeys.issue(TestTokens.ALPHA, "Old PSA", "Portal.Admin");
        TestKeys.Issued live = TestKeys.issue(TestTokens.ALPHA, "New PSA", "Portal.Admin");
        as(TestTokens.alphaAdmin()).delete("/integrations/{id}", revoked.id()).then().statusCode(204);
        String expected = badJwtBody();

        String tail = "A".repeat(revoked.key().length() - 24);
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("empty", "");
        keys.put("blank", "   ");
        keys.put("prefix only", "tpk_");
        keys.put("huge", "tpk_" + "A".repeat(10_000));
        keys.put("non-ASCII", "tpk_" + "ä".repeat(43));
        keys.put("JWT in X-API-Key", TestTokens.alphaAdmin());
        keys.put("revoked", revoked.key());
        keys.put("revoked key's prefix, valid-looking tail", revoked.key().substring(0, 24) + tail);
        keys.put("live key's prefix, valid-looking tail", live.key().substring(0, 24) + tail);
        keys.put("live key plus one character", live.key() + "A");
        keys.put("live key in lower case", live.key().toLowerCase());
        keys.put("unknown, well formed", "tpk_" + "B".repeat(43));
        keys.put("SQL", "tpk_' OR '1'='1");

        keys.forEach((what, key) -> {
            assertSameUnauthorized(plain().header("X-API-Key", key).get("/tenants/{name}/portal", "Contoso"), expected,
                    "X-API-Key: " + what);
            if (key.startsWith("tpk_")) {
                assertSameUnauthorized(plain().header("Authorization", "Bearer " + key).get("/tenants"), expected,
                        "Bearer: " + what);
            }
            // A bad key is an API call: never sent to the browser sign-in.
            assertSameUnauthorized(plain().header("X-API-Key", key).accept("text/html,*/*;q=0.8")
                    .get("/tenants/{name}/portal", "Contoso"), expected,
                    "browser Accept, X-API-Key: " + what);
        });

        // Two X-API-Key headers, even with one good key among them, are not a credential.
        assertSameUnauthorized(plain().header("X-API-Key", live.key()).header("X-API-Key", "tpk_other").get("/tenants"),
                expected, "two X-API-Key headers");
        // A bad key is not rescued by a good JWT alongside it.
        assertSameUnauthorized(as(TestTokens.alphaAdmin()).header("X-API-Key", revoked.key()).get("/tenants"), expected,
                "revoked key with a JWT");

        // The live key still works after all that.
        TestKeys.withKey(live.key()).get("/tenants/{name}/portal", "Contoso").then().statusCode(302);
        TestKeys.withBearerKey(" " + live.key() + " ").get("/tenants").then().statusCode(200);
        plain().header("Authorization", "BEARER " + live.key()).get("/tenants").then().statusCode(200);
        plain().header("Authorization", "Bearer" + live.key()).get("/tenants").then().statusCode(401);
    }

    @Test
    void bearerJwtsStillReachTheJwtVerifier() {
        as(TestTokens.alphaReader()).get("/tenants").then().statusCode(200).body("total", equalTo(0));
        assertSameUnauthorized(as(TestTokens.signedByForeignKey(TestTokens.ALPHA, TestTokens.ADMIN)).get("/tenants"),
                badJwtBody(), "foreign JWT");
    }
}
