package io.tenantportal.support;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import static io.restassured.RestAssured.given;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Base of the browser sign-in tests. The fake Entra ID of {@link EntraWireMock} serves the sign-in
 * page and the redirect back with a code; this adds what Entra answers to our app's code exchange:
 * an ID token with tid and roles (an MSSP alpha analyst unless a test says otherwise).
 */
public abstract class SignInTest extends ApiTest {

    /** What a browser's Accept header says when it navigates. */
    protected static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    protected static final String SESSION_COOKIE = "q_session_web";
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

    /** A browser: asks for HTML and does not follow redirects, so each hop can be checked. */
    protected static RequestSpecification browser() {
        return given().redirects().follow(false).accept(HTML);
    }

    /**
     * Runs the authorization-code flow as a browser would: the app's redirect to the identity
     * provider, then the provider's redirect back with a code. Answers the app's callback response.
     */
    protected static Response signIn(String path) {
        Response challenge = browser().get(path);
        challenge.then().statusCode(302);
        Map<String, String> query = query(challenge.header("Location"));
        return browser().cookies(challenge.getCookies())
                .queryParam("state", query.get("state"))
                .queryParam("code", "code-from-the-identity-provider")
                .get(query.get("redirect_uri"));
    }

    protected static Map<String, String> query(String location) {
        Map<String, String> query = new HashMap<>();
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }
}
