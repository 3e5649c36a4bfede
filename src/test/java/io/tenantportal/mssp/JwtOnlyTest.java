package io.tenantportal.mssp;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.jose4j.jwk.RsaJsonWebKey;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tenantportal.support.ApiTest;
import io.tenantportal.support.EntraWireMock;
import io.tenantportal.support.LogCapture;
import io.tenantportal.support.TestTokens;

/**
 * Bearer tokens are JWTs checked against the provider's key set, never sent to the provider to be
 * introspected; a key the service does not know yet refreshes the key set, at most once per
 * {@code forced-jwk-refresh-interval} (1 minute).
 */
@QuarkusTest
class JwtOnlyTest extends ApiTest {

    @Test
    void junkTokenIsRefusedWithoutAskingTheProviderOrLoggingAnError() {
        try (LogCapture log = LogCapture.start()) {
            for (String junk : List.of("not-a-jwt", "not.a.jwt", "eyJhbGciOiJub25lIn0.eyJ0aWQiOiJ4In0.")) {
                assertUnauthorized(junk);
            }
            assertEquals(List.of(), log.errors());
        }
        assertEquals(0, requests(EntraWireMock.INTROSPECTION));
        assertEquals(0, requests(EntraWireMock.KEYS));
    }

    /** The only test of the suite that makes the service refresh its key set, so the minute starts here. */
    @Test
    void aRotatedKeyIsPickedUpByOneRefreshAndUnknownKeysCannotForceMore() {
        RsaJsonWebKey rotated = EntraWireMock.newKey("rotated-key");
        RsaJsonWebKey unknown = EntraWireMock.newKey("not-yet-fetched");
        EntraWireMock.publish(rotated);

        as(signedWith(rotated)).get("/tenants").then().statusCode(200);
        assertEquals(1, requests(EntraWireMock.KEYS));

        try (LogCapture log = LogCapture.start()) {
            EntraWireMock.publish(unknown);
            for (int i = 0; i < 3; i++) {
                assertUnauthorized(signedWith(unknown));
                assertUnauthorized(signedWith(EntraWireMock.newKey("never-published-" + i)));
            }
            assertEquals(List.of(), log.errors());
        }
        assertEquals(1, requests(EntraWireMock.KEYS));
        assertEquals(0, requests(EntraWireMock.INTROSPECTION));
        // The key learnt by the refresh keeps working without another fetch.
        as(signedWith(rotated)).get("/tenants").then().statusCode(200);
        assertEquals(1, requests(EntraWireMock.KEYS));
    }

    private static String signedWith(RsaJsonWebKey key) {
        return TestTokens.signedWith(key, TestTokens.claims(TestTokens.ALPHA, TestTokens.READ));
    }

    private static int requests(String pathEnd) {
        return EntraWireMock.server().countRequestsMatching(
                anyRequestedFor(urlPathMatching(".*" + pathEnd)).build()).getCount();
    }

    private static void assertUnauthorized(String token) {
        as(token).get("/tenants").then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tenant-portal:problem:unauthenticated"));
    }
}
