package io.tenantportal.mssp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.tenantportal.support.ApiTest;
import io.tenantportal.support.EntraWireMock;
import io.tenantportal.support.TestTokens;

/**
 * A single-MSSP deployment configured with its own tenant's authority
 * ({@code <root>/<tenant id>/v2.0}) instead of "organizations": only that tenant's tokens count.
 * The one extra application start of the suite.
 */
@QuarkusTest
@TestProfile(TenantSpecificAuthorityTest.AlphaAuthority.class)
class TenantSpecificAuthorityTest extends ApiTest {

    public static class AlphaAuthority implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("%test.quarkus.oidc.auth-server-url", "${test.identity-provider}/" + TestTokens.ALPHA + "/v2.0");
        }
    }

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
