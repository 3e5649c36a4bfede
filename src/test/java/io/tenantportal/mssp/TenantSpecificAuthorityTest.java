package io.tenantportal.mssp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.tenantportal.support.ApiTest;
import io.tenantportal.support.EntraWireMock;
import io.tenantportal.support.SecondDeployment;
import io.tenantportal.support.TestTokens;

/**
 * A single-MSSP deployment configured with its own tenant's authority
 * ({@code <root>/<tenant id>/v2.0}) instead of "organizations": only that tenant's tokens count.
 * (The suite's second deployment, {@link SecondDeployment}.)
 */
@QuarkusTest
@TestProfile(SecondDeployment.class)
class TenantSpecificAuthorityTest extends ApiTest {

    @Test
    void theTenantsOwnTokensCount() {
        as(TestTokens.alphaReader()).get("/tenants").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void anotherTenantsTokensDoNotEvenWithTheirOwnIssuer() {
        assertUnauthorized(TestTokens.betaAdmin());
        assertUnauthorized(TestTokens.claims(TestTokens.ALPHA, TestTokens.READ)
                .issuer(EntraWireMock.root() + "/{tenantid}/v2.0").sign());
        assertUnauthorized(TestTokens.claims(TestTokens.ALPHA, TestTokens.READ)
                .issuer(EntraWireMock.root() + "/organizations/v2.0").sign());
    }

    @Test
    void browsersSignInAtTheTenantsOwnAuthority() {
        given().redirects().follow(false).accept("text/html").get("/tenants/Contoso/portal")
                .then().statusCode(302)
                .header("Location", startsWith(EntraWireMock.authorizationEndpoint(TestTokens.ALPHA) + "?"));
    }

    private static void assertUnauthorized(String token) {
        as(token).get("/tenants").then().statusCode(401)
                .body("type", equalTo("urn:tenant-portal:problem:unauthenticated"));
    }
}
