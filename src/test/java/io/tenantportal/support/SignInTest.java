package io.tenantportal.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;

import io.quarkus.test.oidc.server.OidcWireMock;

/**
 * Base of the browser sign-in tests. The WireMock identity provider of OidcWiremockTestResource
 * already serves the login page and the code-flow redirect back; this adds what Entra ID would
 * answer for our app: an ID token with tid and roles, and a sign-out that returns to the app.
 */
public abstract class SignInTest extends ApiTest {

    public static final String REALM = "/auth/realms/quarkus";
    /** The ticket links of these tests name this customer of MSSP alpha. */
    protected static final String CONTOSO = "2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01";
    private static final UUID TOKEN_STUB = UUID.fromString("6b0f1f38-8d1a-4c56-9d5f-3f0e0c1b2a01");
    private static final UUID END_SESSION_STUB = UUID.fromString("6b0f1f38-8d1a-4c56-9d5f-3f0e0c1b2a02");

    @OidcWireMock
    protected WireMockServer identityProvider;

    /** The roles the next sign-in gets; a test may change them before signing in. */
    protected String[] signInRoles = { TestTokens.READ };

    @BeforeEach
    void identityProviderSignsInAnAlphaAnalyst() {
        stubSignIn(signInRoles);
        put(END_SESSION_STUB, get(urlPathEqualTo(REALM + "/protocol/openid-connect/end-session"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(302)
                        .withHeader("Location", "{{request.query.post_logout_redirect_uri}}")
                        .withTransformers("response-template")));
    }

    protected static void createContoso() {
        createCustomer(TestTokens.ALPHA, CONTOSO, "Contoso Ltd", "contoso.com", "contoso.onmicrosoft.com",
                List.of("contoso.com"), List.of("Contoso"));
    }

    protected void stubSignIn(String... roles) {
        stubTokenResponse(TestTokens.idToken(TestTokens.ALPHA, roles), TestTokens.token(TestTokens.ALPHA, roles));
    }

    /** What the token endpoint answers to the app's code exchange. */
    protected void stubTokenResponse(String idToken, String accessToken) {
        put(TOKEN_STUB, post(urlPathEqualTo(REALM + "/token"))
                .atPriority(1)
                .withRequestBody(containing("grant_type=authorization_code"))
                .willReturn(okJson("{\"access_token\": \"" + accessToken + "\", \"id_token\": \"" + idToken
                        + "\", \"token_type\": \"Bearer\", \"expires_in\": 300}")));
    }

    /** Adds the stub, or replaces it when an earlier test added it: the provider lives for the whole run. */
    private void put(UUID id, MappingBuilder stub) {
        stub.withId(id);
        if (identityProvider.getStubMappings().stream().anyMatch(m -> id.equals(m.getId()))) {
            identityProvider.editStub(stub);
        } else {
            identityProvider.stubFor(stub);
        }
    }

    /** Where the identity provider's sign-in page lives: the authorization endpoint. */
    protected String authorizationEndpoint() {
        return identityProvider.baseUrl() + REALM;
    }
}
