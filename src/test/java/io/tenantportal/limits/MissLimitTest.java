package io.tenantportal.limits;

import static io.tenantportal.support.TestKeys.withKey;
import static org.hamcrest.Matchers.equalTo;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tenantportal.support.ApiTest;
import io.tenantportal.support.TestKeys;
import io.tenantportal.support.TestTokens;

/** One caller's misses are limited; its known names, and other callers, are not. */
@QuarkusTest
class MissLimitTest extends ApiTest {

    static final String CONTOSO = "2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01";

    @ConfigProperty(name = "tenantportal.limits.miss-burst")
    int burst;

    @Test
    void aCallerThatKeepsMissingGets429WhileItsKnownNamesStillRedirect() {
        createCustomer(TestTokens.BETA, CONTOSO, "Contoso Ltd");
        String reader = TestTokens.token(TestTokens.BETA, TestTokens.READ);
        for (int i = 0; i < burst; i++) {
            as(reader).get("/tenants/{name}/portal", "nobody " + i).then().statusCode(404);
        }
        as(reader).get("/tenants/{name}/portal", "nobody else").then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*"))
                .body("type", equalTo("urn:tenant-portal:problem:too-many-misses"))
                .body("status", equalTo(429))
                .body("retryAfter", org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.greaterThan(0),
                        org.hamcrest.Matchers.lessThanOrEqualTo(120)));
        // the other ways to miss count too
        as(reader).get("/tenants/{name}", "nobody else").then().statusCode(429);
        as(reader).get("/refs/{system}/{id}/portal", "halopsa", "404").then().statusCode(429);
        as(reader).contentType(ContentType.JSON).body("{\"items\":[{\"name\":\"nobody\"}]}").post("/resolve")
                .then().statusCode(429);
        // known names are never limited
        for (int i = 0; i < 5; i++) {
            as(reader).get("/tenants/{name}/portal", "Contoso Ltd").then().statusCode(302);
        }
        as(reader).contentType(ContentType.JSON).body("{\"items\":[{\"name\":\"Contoso Ltd\"}]}").post("/resolve")
                .then().statusCode(200).body("results[0].status", equalTo(200));
    }

    @Test
    void anotherCallerHasItsOwnLimit() {
        String reader = TestTokens.token(TestTokens.BETA, TestTokens.READ);
        for (int i = 0; i <= burst; i++) {
            as(reader).get("/tenants/{name}/portal", "nobody " + i);
        }
        as(reader).get("/tenants/{name}/portal", "nobody").then().statusCode(429);
        TestKeys.Issued key = TestKeys.issue(TestTokens.BETA, "HaloPSA", "Portal.Read");
        withKey(key.key()).get("/tenants/{name}/portal", "nobody").then().statusCode(404);
        as(TestTokens.alphaReader()).get("/tenants/{name}/portal", "nobody").then().statusCode(404);
    }

    @Test
    void aBulkCallCountsAsOneMissHoweverManyNamesItMisses() {
        String reader = TestTokens.token(TestTokens.BETA, TestTokens.READ);
        String items = "{\"items\":[" + "{\"name\":\"nobody\"},".repeat(500) + "{\"name\":\"nobody\"}]}";
        for (int i = 0; i < burst; i++) {
            as(reader).contentType(ContentType.JSON).body(items).post("/resolve").then().statusCode(200)
                    .body("results[500].status", equalTo(404));
        }
        as(reader).contentType(ContentType.JSON).body(items).post("/resolve").then().statusCode(429);
    }
}
