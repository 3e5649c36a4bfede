package io.tenantportal.support;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the browser sign-in tests. The fake Entra ID of {@link EntraWireMock} serves the sign-in
 * page and the redirect back with a code; this adds what Entra answers to our app's code exchange:
 * an ID token with tid and roles (an MSSP alpha analyst unless a test says otherwise).
 */
public abstract class SignInTest extends ApiTest {

    /** The ticket links of these tests name this customer of MSSP alpha. */
    protected static final String CONTOSO = "2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01";

    /** The roles the next sign-in gets; a test may change them before signing in. */
    protected String[] signInRoles = { TestTokens.READ };

    @BeforeEach
    void identityProviderSignsInAnAlphaAnalyst() {
        stubSignIn(signInRoles);
    }

    protected static void createContoso() {
        createCustomer(TestTokens.ALPHA, CONTOSO, "Contoso Ltd", "contoso.com", "contoso.onmicrosoft.com",
                List.of("contoso.com"), List.of("Contoso"));
    }

    protected void stubSignIn(String... roles) {
        stubSignInOf(TestTokens.ALPHA, roles);
    }

    /** The next sign-in is an analyst of the MSSP whose tenant is {@code tid}. */
    protected void stubSignInOf(String tid, String... roles) {
        stubTokenResponse(TestTokens.idToken(tid, roles), TestTokens.token(tid, roles));
    }

    /** What the token endpoint answers to the app's code exchange. */
    protected void stubTokenResponse(String idToken, String accessToken) {
        EntraWireMock.server().stubFor(post(urlPathMatching("/[^/]+/oauth2/v2.0/token"))
                .atPriority(1)
                .withRequestBody(containing("grant_type=authorization_code"))
                .willReturn(okJson("{\"access_token\": \"" + accessToken + "\", \"id_token\": \"" + idToken
                        + "\", \"token_type\": \"Bearer\", \"expires_in\": 300}")));
    }

    /** Where the identity provider's sign-in page lives: the authorization endpoint of the organizations authority. */
    protected String authorizationEndpoint() {
        return EntraWireMock.authorizationEndpoint(EntraWireMock.ORGANIZATIONS);
    }

    protected String endSessionEndpoint() {
        return EntraWireMock.endSessionEndpoint(EntraWireMock.ORGANIZATIONS);
    }
}
