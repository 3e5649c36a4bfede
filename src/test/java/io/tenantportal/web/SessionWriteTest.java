package io.tenantportal.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.tenantportal.support.SignInTest;
import io.tenantportal.support.TestTokens;

/**
 * A signed-in browser's session cookie reads freely, but writes only from this service's own page
 * (Origin, or Sec-Fetch-Site: same-origin); another site's page cannot make the browser write.
 */
@QuarkusTest
class SessionWriteTest extends SignInTest {

    static final String FABRIKAM = "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a";

    @TestHTTPResource("/")
    URL root;

    String session;

    @BeforeEach
    void signedInAdmin() {
        createContoso();
        stubSignIn(TestTokens.ADMIN);
        session = signIn();
    }

    @Test
    void sessionWritesWithoutOriginAreForbiddenAndChangeNothing() {
        assertCrossSiteWrite(put(withSession()));
        assertCrossSiteWrite(withSession().delete("/tenants/{id}", CONTOSO).then());
        assertCrossSiteWrite(withSession().queryParam("dryRun", "true").post("/sync").then());

        assertEquals(0, database.count("SELECT count(*) FROM customer WHERE display_name = 'Fabrikam Inc'"));
        assertEquals(1, database.count("SELECT count(*) FROM customer WHERE deleted_at IS NULL"));
        assertEquals(0, database.count("SELECT count(*) FROM sync_report"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://evil.example", "null", "http://localhost", "http://localhost:1",
            "https://{host}", "http://{host}.evil.example", "http://{host}/path", "not an origin" })
    void sessionWritesFromAnotherOriginAreForbidden(String origin) {
        String host = root.getHost() + ":" + root.getPort();
        assertCrossSiteWrite(put(withSession().header("Origin", origin.replace("{host}", host))));
        assertEquals(0, database.count("SELECT count(*) FROM customer WHERE display_name = 'Fabrikam Inc'"));
    }

    @Test
    void sessionWritesFromThisServicesOwnPageAreAllowed() {
        put(withSession().header("Origin", ownOrigin())).statusCode(201);
        withSession().header("Origin", ownOrigin()).delete("/tenants/{id}", FABRIKAM).then().statusCode(204);
        // Without Origin, the browser's own word that the request comes from this origin.
        put(withSession().header("Sec-Fetch-Site", "same-origin")).statusCode(201);
    }

    @Test
    void behindTheIngressTheOriginIsTheOneTheBrowserSees() {
        put(withSession().headers(ExposureTest.INGRESS).header("Origin", "https://portal.example")).statusCode(201);
        assertCrossSiteWrite(withSession().headers(ExposureTest.INGRESS).header("Origin", ownOrigin())
                .delete("/tenants/{id}", FABRIKAM).then());
    }

    @ParameterizedTest
    @ValueSource(strings = { "cross-site", "same-site", "none" })
    void sessionWritesThatTheBrowserSaysComeFromElsewhereAreForbidden(String site) {
        assertCrossSiteWrite(put(withSession().header("Sec-Fetch-Site", site)));
    }

    @Test
    void sessionReadsNeedNoOrigin() {
        withSession().get("/tenants").then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void bearerCallersWriteWithoutOrigin() {
        put(as(TestTokens.alphaAdmin()).header("Origin", "https://evil.example")).statusCode(201);
        as(TestTokens.alphaAdmin()).delete("/tenants/{id}", FABRIKAM).then().statusCode(204);
    }

    @Test
    void theOriginRuleComparesSchemeHostAndEffectivePort() {
        assertTrue(SessionWriteGuard.sameOrigin("https://portal.example", "https", "portal.example", -1));
        assertTrue(SessionWriteGuard.sameOrigin("https://portal.example", "https", "PORTAL.example", 443));
        assertTrue(SessionWriteGuard.sameOrigin("https://portal.example:443", "https", "portal.example", -1));
        assertFalse(SessionWriteGuard.sameOrigin("http://portal.example", "https", "portal.example", -1));
        assertFalse(SessionWriteGuard.sameOrigin("https://portal.example:8443", "https", "portal.example", -1));
        assertFalse(SessionWriteGuard.sameOrigin("https://portal.example.evil", "https", "portal.example", -1));
    }

    private String ownOrigin() {
        return root.getProtocol() + "://" + root.getHost() + ":" + root.getPort();
    }

    private RequestSpecification withSession() {
        return given().redirects().follow(false).cookie(SESSION_COOKIE, session)
                .accept(ContentType.JSON);
    }

    private static ValidatableResponse put(RequestSpecification request) {
        return request.contentType(ContentType.JSON).body(Map.of("displayName", "Fabrikam Inc"))
                .put("/tenants/{id}", FABRIKAM).then();
    }

    private static void assertCrossSiteWrite(ValidatableResponse response) {
        response.statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tenant-portal:problem:cross-site-write"))
                .body("status", equalTo(403));
    }

    private static String signIn() {
        return signIn("/").getCookie(SESSION_COOKIE);
    }
}
