package io.tenantportal.mssp;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.tenantportal.support.ApiTest;
import io.tenantportal.support.EntraWireMock;
import io.tenantportal.support.TestTokens;

/**
 * The service is configured with Entra's multi-tenant authority ({@code <root>/organizations/v2.0},
 * whose discovery document names the issuer {@code <root>/{tenantid}/v2.0}): each MSSP's tokens
 * come from its own tenant, and a token counts only when its issuer is its own tenant's.
 */
@QuarkusTest
class MultiTenantIssuerTest extends ApiTest {

    static final String ALPHA_CUSTOMER = "2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01";
    static final String BETA_CUSTOMER = "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9";

    @BeforeEach
    void customers() {
        createCustomer(TestTokens.ALPHA, ALPHA_CUSTOMER, "Contoso Ltd");
        createCustomer(TestTokens.BETA, BETA_CUSTOMER, "Fabrikam Inc");
    }

    @Test
    void eachMsspCallsWithTokensFromItsOwnTenant() {
        as(TestTokens.alphaReader()).get("/tenants").then().statusCode(200)
                .body("items.displayName", contains("Contoso Ltd"));
        as(TestTokens.token(TestTokens.BETA, TestTokens.READ)).get("/tenants").then().statusCode(200)
                .body("items.displayName", contains("Fabrikam Inc"));
        as(TestTokens.betaAdmin()).delete("/tenants/{id}", BETA_CUSTOMER).then().statusCode(204);
    }

    @Test
    void issuerNamingAnotherTenantIsUnauthorized() {
        assertUnauthorized(TestTokens.claims(TestTokens.ALPHA, TestTokens.ADMIN)
                .issuer(TestTokens.issuer(TestTokens.BETA)).sign());
        assertUnauthorized(TestTokens.claims(TestTokens.BETA, TestTokens.ADMIN)
                .issuer(TestTokens.issuer(TestTokens.ALPHA)).sign());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{root}/{tenantid}/v2.0", // the discovery document's template, taken literally
            "{root}/organizations/v2.0",
            "{root}/{tid}/v2.0/",
            "{root}/{tid}",
            "https://login.microsoftonline.com/{tid}/v2.0", // right shape, another host
            "https://evil.example/{tid}/v2.0",
            "https://sts.windows.net/{tid}/", // a v1.0 token's issuer
            "" })
    void issuerThatIsNotTheTokensOwnTenantAtTheAuthorityIsUnauthorized(String issuer) {
        String iss = issuer.replace("{root}", EntraWireMock.root()).replace("{tid}", TestTokens.ALPHA);
        assertUnauthorized(TestTokens.claims(TestTokens.ALPHA, TestTokens.ADMIN).issuer(iss).sign());
    }

    @Test
    void tenantIdThatIsNoGuidIsUnauthorizedWhateverItsIssuer() {
        for (String tid : List.of("../" + TestTokens.ALPHA, "organizations", "{tenantid}")) {
            assertUnauthorized(TestTokens.claims(TestTokens.ALPHA, TestTokens.ADMIN)
                    .claim("tid", tid).issuer(EntraWireMock.root() + "/" + tid + "/v2.0").sign());
        }
    }

    @Test
    void tenantThatIsNoMsspIsForbiddenEvenWithItsOwnIssuer() {
        as(TestTokens.token(TestTokens.UNKNOWN_MSSP, TestTokens.ADMIN)).get("/tenants").then()
                .statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:tenant-portal:problem:unknown-mssp"));
    }

    private static void assertUnauthorized(String token) {
        as(token).get("/tenants").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("urn:tenant-portal:problem:unauthenticated"));
    }
}
