package io.tenantportal.mssp;

import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import io.tenantportal.support.ApiTest;
import io.tenantportal.support.TestTokens;

@QuarkusTest
class AuthenticationTest extends ApiTest {

    static final String CONTOSO = "2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01";

    private static void assertUnauthorized(ValidatableResponse response) {
        response.statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .header("Location", (String) null)
                .body("type", equalTo("urn:tenant-portal:problem:unauthenticated"))
                .body("status", equalTo(401))
                .body("detail", equalTo("A valid bearer token is required."));
    }

    @Test
    void noTokenIsUnauthorized() {
        assertUnauthorized(RestAssured.given().redirects().follow(false).get("/tenants/contoso/portal").then());
        assertUnauthorized(RestAssured.given().get("/tenants").then());
    }

    @Test
    void expiredTokenIsUnauthorized() {
        String expired = TestTokens.claims(TestTokens.ALPHA, TestTokens.READ)
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)).sign();
        assertUnauthorized(as(expired).get("/tenants").then());
    }

    @Test
    void wrongAudienceIsUnauthorized() {
        String token = TestTokens.claims(TestTokens.ALPHA, TestTokens.READ).audience("api://someone-else").sign();
        assertUnauthorized(as(token).get("/tenants").then());
    }

    @Test
    void wrongIssuerIsUnauthorized() {
        String token = TestTokens.claims(TestTokens.ALPHA, TestTokens.READ).issuer("https://evil.example").sign();
        assertUnauthorized(as(token).get("/tenants").then());
    }

    @Test
    void tokenSignedByAnotherKeyIsUnauthorized() {
        assertUnauthorized(as(TestTokens.signedByForeignKey(TestTokens.ALPHA, TestTokens.ADMIN)).get("/tenants").then());
    }

    @Test
    void garbageTokenIsUnauthorized() {
        assertUnauthorized(as("not.a.jwt").get("/tenants").then());
    }

    @Test
    void unknownTenantIsForbidden() {
        as(TestTokens.token(TestTokens.UNKNOWN_MSSP, TestTokens.ADMIN)).get("/tenants")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tenant-portal:problem:unknown-mssp"))
                .body("detail", equalTo("The token's tenant (tid) is not an MSSP served by this deployment."));
        as(TestTokens.token(TestTokens.UNKNOWN_MSSP, TestTokens.ADMIN)).get("/tenants/{name}/portal", CONTOSO)
                .then().statusCode(403);
    }

    @Test
    void tokenWithoutTenantIsUnauthorized() {
        // At the multi-tenant authority the issuer names the token's tenant; without tid there is nothing to match.
        String token = io.smallrye.jwt.build.Jwt.issuer(TestTokens.issuer(TestTokens.ALPHA)).audience(TestTokens.AUDIENCE)
                .subject("no-tid").claim("roles", Set.of(TestTokens.READ)).expiresIn(300).sign();
        assertUnauthorized(as(token).get("/tenants").then());
    }

    @Test
    void tokenWithoutRolesIsForbidden() {
        as(TestTokens.token(TestTokens.ALPHA)).get("/tenants")
                .then().statusCode(403).body("type", equalTo("urn:tenant-portal:problem:forbidden"));
    }

    @Test
    void adminMayReadToo() {
        createCustomer(TestTokens.ALPHA, CONTOSO, "Contoso Ltd");
        as(TestTokens.alphaAdmin()).get("/tenants/{name}/portal", "Contoso Ltd").then().statusCode(302);
    }

    @Test
    void healthAndOpenApiNeedNoToken() {
        RestAssured.given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        RestAssured.given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'name-index' }.status", equalTo("UP"));
        RestAssured.given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/tenants/{name}/portal'.get.responses.'302'.description", equalTo("Redirect to the portal"));
    }
}
