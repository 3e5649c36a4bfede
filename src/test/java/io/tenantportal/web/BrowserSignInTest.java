package io.tenantportal.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tenantportal.support.SignInTest;
import io.tenantportal.support.TestTokens;

@QuarkusTest
class BrowserSignInTest extends SignInTest {

    static final String TICKET_LINK = "/tenants/Contoso/portal?portal=entra";

    @TestHTTPResource("/")
    URL root;

    @BeforeEach
    void customers() {
        createContoso();
        createCustomer(TestTokens.BETA, "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a", "Beta Only Customer");
    }

    @Test
    void ticketLinkClickedWithoutSessionGoesToTheIdentityProvider() {
        Response challenge = browser().get(TICKET_LINK);

        challenge.then().statusCode(302).header("Cache-Control", "no-store");
        String location = challenge.header("Location");
        assertTrue(location.startsWith(authorizationEndpoint() + "?"), location);
        Map<String, String> query = query(location);
        assertEquals("code", query.get("response_type"));
        assertEquals(TestTokens.CLIENT_ID, query.get("client_id"));
        assertEquals(root.toString(), query.get("redirect_uri"));
        assertEquals("S256", query.get("code_challenge_method"));
        assertTrue(query.get("scope").contains("openid"), query.get("scope"));
        assertTrue(challenge.getCookies().keySet().stream().anyMatch(n -> n.startsWith("q_auth_web")),
                () -> "state cookie missing: " + challenge.getCookies());
    }

    @Test
    void afterSignInTheBrowserLandsOnExactlyTheClickedLinkAndThenOnThePortal() {
        Response callback = signIn(TICKET_LINK);

        callback.then().statusCode(302).header("Location", root.toString().replaceAll("/$", "") + TICKET_LINK);
        browser().cookie(SESSION_COOKIE, callback.getCookie(SESSION_COOKIE))
                .get(TICKET_LINK)
                .then().statusCode(302)
                .header("Location", "https://entra.microsoft.com/" + CONTOSO);
    }

    @Test
    void sessionCookieIsHttpOnlyAndLax() {
        String setCookie = signIn("/").getHeaders().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(SESSION_COOKIE + "=")).findFirst().orElseThrow();

        String attributes = setCookie.substring(setCookie.indexOf(';')).toLowerCase(java.util.Locale.ROOT);
        assertTrue(attributes.contains("; httponly"), setCookie);
        assertTrue(attributes.contains("; samesite=lax"), setCookie);
        // Tests run on plain http; production sets Secure whatever the scheme behind the ingress.
        assertEquals("true", ConfigProvider.getConfig()
                .getConfigValue("%prod.quarkus.oidc.web.authentication.cookie-force-secure").getRawValue());
    }

    @Test
    void productionSignInRequiresANonce() {
        // The test identity provider cannot echo a nonce; Entra ID does, so production insists on it.
        assertEquals("true", ConfigProvider.getConfig()
                .getConfigValue("%prod.quarkus.oidc.web.authentication.nonce-required").getRawValue());
        assertEquals("false", ConfigProvider.getConfig()
                .getConfigValue("quarkus.oidc.web.authentication.nonce-required").getValue());
    }

    @Test
    void signedInPageScriptsReadTheApiWithTheSessionAndSeeOnlyTheirMssp() {
        String session = signIn("/").getCookie(SESSION_COOKIE);

        given().cookie(SESSION_COOKIE, session).accept("application/json")
                .get("/tenants")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].displayName", equalTo("Contoso Ltd"));
        given().cookie(SESSION_COOKIE, session).accept("application/json")
                .get("/tenants/{name}", "Beta Only Customer")
                .then().statusCode(404);
    }

    @Test
    void anAnalystOfTheOtherMsspSignsInFromItsOwnTenantAndSeesOnlyItsCustomers() {
        stubSignInOf(TestTokens.BETA, TestTokens.READ);
        String session = signIn("/").getCookie(SESSION_COOKIE);

        given().cookie(SESSION_COOKIE, session).accept("application/json")
                .get("/tenants")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].displayName", equalTo("Beta Only Customer"));
        browser().cookie(SESSION_COOKIE, session).get("/")
                .then().statusCode(200).body(containsString("analyst@22222222.example"));
    }

    @Test
    void anIdTokenWhoseIssuerIsNotItsOwnTenantFailsTheSignIn() {
        for (String issuer : List.of(TestTokens.issuer(TestTokens.BETA),
                io.tenantportal.support.EntraWireMock.root() + "/{tenantid}/v2.0")) {
            stubTokenResponse(TestTokens.idTokenClaims(300, TestTokens.ALPHA, TestTokens.READ).issuer(issuer).sign(),
                    "unused");

            signIn(TICKET_LINK)
                    .then().statusCode(401)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:tenant-portal:problem:sign-in-failed"));
        }
    }

    @Test
    void theAnalystPageShowsTheMsspTheUserAndTheCatalogue() {
        String session = signIn("/").getCookie(SESSION_COOKIE);

        browser().cookie(SESSION_COOKIE, session).get("/")
                .then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", AnalystPage.CONTENT_SECURITY_POLICY)
                .header("Cache-Control", "no-store")
                .body(allOf(containsString("Alpha Security"), containsString(TestTokens.ANALYST),
                        containsString("data-portal=\"defender\""), containsString("data-portal=\"powerplatform\""),
                        containsString("href=\"/logout\"")));
    }

    @Test
    void theAnalystPageNeedsSignInToo() {
        browser().get("/").then().statusCode(302).header("Location", startsWith(authorizationEndpoint() + "?"));
    }

    @Test
    void apiCallWithoutTokenGetsProblemJsonNotARedirect() {
        for (String accept : List.of("application/json", "*/*")) {
            given().redirects().follow(false).accept(accept)
                    .get(TICKET_LINK)
                    .then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer")
                    .body("status", equalTo(401))
                    .body("type", equalTo("urn:tenant-portal:problem:unauthenticated"));
        }
    }

    @Test
    void badBearerTokenGetsProblemJsonEvenFromABrowser() {
        given().redirects().follow(false).accept(HTML)
                .auth().oauth2(TestTokens.signedByForeignKey(TestTokens.ALPHA, TestTokens.READ))
                .get(TICKET_LINK)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
    }

    @Test
    void bearerCallersStillGetTheRedirectWithoutAnySession() {
        as(TestTokens.alphaReader()).accept(HTML).get(TICKET_LINK)
                .then().statusCode(302).header("Location", "https://entra.microsoft.com/" + CONTOSO);
    }

    @Test
    void signInWithoutAPortalRoleIsForbidden() {
        stubSignIn();
        String session = signIn("/").getCookie(SESSION_COOKIE);

        given().cookie(SESSION_COOKIE, session).accept("application/json").get("/tenants")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void whenTheSessionExpiresScriptsGet401AndNavigationsSignInAgain() throws InterruptedException {
        stubTokenResponse(TestTokens.idToken(2, TestTokens.ALPHA, TestTokens.READ), "unused");
        String session = signIn("/").getCookie(SESSION_COOKIE);
        given().cookie(SESSION_COOKIE, session).accept("application/json").get("/tenants").then().statusCode(200);

        Thread.sleep(3_000);

        given().redirects().follow(false).cookie(SESSION_COOKIE, session).accept("application/json").get("/tenants")
                .then().statusCode(401).contentType("application/problem+json");
        browser().cookie(SESSION_COOKIE, session).get(TICKET_LINK)
                .then().statusCode(302).header("Location", startsWith(authorizationEndpoint() + "?"));
    }

    @Test
    void aFailedSignInSaysSoInsteadOfRedirectingAgain() {
        String forged = TestTokens.signedByForeignKey(TestTokens.ALPHA, TestTokens.READ);
        stubTokenResponse(forged, forged);

        signIn(TICKET_LINK)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("Location", org.hamcrest.Matchers.nullValue())
                .body("type", equalTo("urn:tenant-portal:problem:sign-in-failed"));
    }

    @Test
    void logoutEndsTheSessionAtTheAppAndTheIdentityProvider() {
        String session = signIn("/").getCookie(SESSION_COOKIE);

        Response logout = browser().cookie(SESSION_COOKIE, session).get("/logout");

        logout.then().statusCode(302)
                .header("Location", startsWith(endSessionEndpoint() + "?"));
        assertEquals(root + "signed-out", query(logout.header("Location")).get("post_logout_redirect_uri"));
        assertTrue(logout.getHeaders().getValues("Set-Cookie").stream()
                .anyMatch(c -> c.startsWith(SESSION_COOKIE + "=;") && c.contains("Max-Age=0")),
                () -> "session cookie not removed: " + logout.getHeaders().getValues("Set-Cookie"));
        browser().get("/signed-out").then().statusCode(200).body(containsString("You are signed out."));
    }

    @Test
    void logoutWithoutSessionJustSaysSignedOut() {
        browser().get("/logout").then().statusCode(303).header("Location", equalTo(root + "signed-out"));
    }

    @Test
    void healthAndOpenApiStayOpen() {
        browser().get("/q/health/live").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200).body(not(containsString("signed-out")));
    }

    @Test
    void theBrowserRuleReadsAcceptAndAuthorization() {
        assertTrue(BrowserRequest.acceptsHtml(HTML));
        assertTrue(BrowserRequest.acceptsHtml("TEXT/HTML;q=0.5"));
        assertTrue(!BrowserRequest.acceptsHtml("application/json, text/html;q=0"));
        assertTrue(!BrowserRequest.acceptsHtml("*/*"));
        assertTrue(!BrowserRequest.acceptsHtml(null));
    }
}
