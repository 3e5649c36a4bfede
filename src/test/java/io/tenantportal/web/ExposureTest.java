package io.tenantportal.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.tenantportal.support.SignInTest;
import io.tenantportal.support.TestTokens;

/**
 * What is open and what the service says about itself behind the TLS ingress. The tests' requests
 * come from loopback, a trusted proxy address by default; {@link UntrustedProxyTest} shows the
 * same headers from an untrusted address.
 */
@QuarkusTest
class ExposureTest extends SignInTest {

    static final String FABRIKAM = "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a";
    static final Map<String, String> INGRESS = Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "portal.example");

    @Test
    void anEndpointWithoutARoleAnnotationIsClosed() {
        given().get("/test-only/unannotated").then().statusCode(401).contentType("application/problem+json");
        as(TestTokens.alphaAdmin()).get("/test-only/unannotated").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tenant-portal:problem:forbidden"))
                .body(org.hamcrest.Matchers.not(containsString("never be served")));
    }

    @Test
    void healthOpenApiAndThePageAssetsNeedNoSignIn() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
        for (String asset : List.of("/assets/app.js", "/assets/app.css")) {
            given().get(asset).then().statusCode(200);
        }
    }

    @Test
    void swaggerUiIsOffInProductionUnlessSwitchedOn() {
        assertEquals("false", ConfigProvider.getConfig().getConfigValue("%prod.quarkus.swagger-ui.enabled").getRawValue());
        given().get("/q/swagger-ui/").then().statusCode(200); // on in dev and test
    }

    @Test
    void locationSaysHttpsAndTheHostTheIngressWasAsked() {
        as(TestTokens.alphaAdmin()).headers(INGRESS).contentType(ContentType.JSON)
                .body(Map.of("displayName", "Fabrikam Inc"))
                .put("/tenants/{id}", FABRIKAM)
                .then().statusCode(201)
                .header("Location", "https://portal.example/tenants/" + FABRIKAM);
    }

    @Test
    void signInCallbackAndCookiesSayHttpsBehindTheIngress() {
        Response challenge = browser().headers(INGRESS).get("/tenants/Contoso/portal");

        challenge.then().statusCode(302);
        assertEquals("https://portal.example/", query(challenge.header("Location")).get("redirect_uri"));
        assertSecure(challenge, "q_auth_web");

        Map<String, String> query = query(challenge.header("Location"));
        Response callback = browser().headers(INGRESS).cookies(challenge.getCookies())
                .queryParam("state", query.get("state")).queryParam("code", "code-from-entra").get("/");
        callback.then().statusCode(302).header("Location", "https://portal.example/tenants/Contoso/portal");
        assertSecure(callback, SESSION_COOKIE);
    }

    static void assertSecure(Response response, String cookiePrefix) {
        String cookie = response.getHeaders().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(cookiePrefix)).findFirst().orElseThrow();
        assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).contains("; secure"), cookie);
    }
}
