package io.tenantportal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URL;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.tenantportal.support.SecondDeployment;
import io.tenantportal.support.SignInTest;
import io.tenantportal.support.TestTokens;

/**
 * Forwarded headers from an address that is not a trusted proxy change nothing: a client cannot
 * make the service believe it was reached over https, or at another host.
 */
@QuarkusTest
@TestProfile(SecondDeployment.class)
class UntrustedProxyTest extends SignInTest {

    static final String FABRIKAM = "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a";

    @TestHTTPResource("/")
    URL root;

    @Test
    void locationIgnoresForwardedHeadersOfAnUntrustedClient() {
        as(TestTokens.alphaAdmin()).headers(ExposureTest.INGRESS).contentType(ContentType.JSON)
                .body(Map.of("displayName", "Fabrikam Inc"))
                .put("/tenants/{id}", FABRIKAM)
                .then().statusCode(201)
                .header("Location", root + "tenants/" + FABRIKAM);
    }

    @Test
    void signInCallbackAndCookiesIgnoreThemToo() {
        Response challenge = browser().headers(ExposureTest.INGRESS).get("/tenants/Contoso/portal");

        challenge.then().statusCode(302);
        assertEquals(root.toString(), query(challenge.header("Location")).get("redirect_uri"));
        String cookie = challenge.getHeaders().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("q_auth_web")).findFirst().orElseThrow();
        assertFalse(cookie.toLowerCase(java.util.Locale.ROOT).contains("; secure"), cookie);
    }
}
