package io.tenantportal.mssp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.tenantportal.support.ApiTest;
import io.tenantportal.support.TestTokens;
import io.vertx.ext.web.RoutingContext;

/** A verified token is remembered by its whole text, and only until it expires. */
@QuarkusTest
class VerifiedTokensTest extends ApiTest {

    @Inject
    VerifiedTokens tokens;

    @BeforeEach
    void forgetTokens() {
        tokens.forget();
    }

    @Test
    void aRememberedTokenStopsWorkingWhenItExpires() throws InterruptedException {
        String shortLived = TestTokens.claims(TestTokens.ALPHA, TestTokens.READ)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(2)).sign();
        as(shortLived).get("/tenants").then().statusCode(200);
        as(shortLived).get("/tenants").then().statusCode(200);
        Thread.sleep(2_500);
        as(shortLived).get("/tenants").then().statusCode(401)
                .body("type", equalTo("urn:tenant-portal:problem:unauthenticated"));
    }

    @Test
    void anAlteredCopyOfARememberedTokenIsRefused() {
        String token = TestTokens.alphaAdmin();
        as(token).get("/tenants").then().statusCode(200);
        String[] parts = token.split("\\.");
        int middle = parts[2].length() / 2;
        char flipped = parts[2].charAt(middle) == 'A' ? 'B' : 'A';
        String badSignature = parts[0] + "." + parts[1] + "." + parts[2].substring(0, middle) + flipped
                + parts[2].substring(middle + 1);
        as(badSignature).get("/tenants").then().statusCode(401);
        // the same claims for another MSSP, but unsigned by the provider: the payload swap must not pass
        String otherPayload = TestTokens.signedByForeignKey(TestTokens.BETA, TestTokens.ADMIN).split("\\.")[1];
        as(parts[0] + "." + otherPayload + "." + parts[2]).get("/tenants").then().statusCode(401);
        as(token).get("/tenants").then().statusCode(200);
    }

    @Test
    void aRememberedIdentityHoldsNothingOfTheRequestThatVerifiedIt() {
        String reader = TestTokens.alphaReader();
        as(reader).get("/tenants").then().statusCode(200);
        SecurityIdentity remembered = tokens.lookUp("Bearer " + reader).orElseThrow();
        assertNull(remembered.getAttribute(RoutingContext.class.getName()));
        assertNull(remembered.getAttribute(HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE));
        assertNull(remembered.getAttribute(AuthenticationRequestContext.class.getName()));
        assertEquals(TestTokens.ALPHA, ((Mssp) remembered.getAttribute(CallerMssp.MSSP_ATTRIBUTE)).tenantId().toString());
        assertTrue(remembered.hasRole(Roles.READ));
        assertSame(remembered, tokens.lookUp("Bearer " + reader).orElseThrow(), "built once, not per request");
    }

    @Test
    void aTokenIsRememberedUnderTheHeaderThatSentItExactly() {
        String reader = TestTokens.alphaReader();
        given().header("Authorization", "bearer " + reader).get("/tenants").then().statusCode(200);
        assertTrue(tokens.lookUp("bearer " + reader).isPresent(), "the scheme's case is the caller's");
        assertTrue(tokens.lookUp("Bearer " + reader).isEmpty(), "a header sent by no one is no key");

        // quarkus-oidc takes the header's rest as the token: with spaces around it, it is no token at all
        String admin = TestTokens.alphaAdmin();
        as(admin).get("/tenants").then().statusCode(200);
        given().header("Authorization", "Bearer  " + admin + " ").get("/tenants").then().statusCode(401);
        assertTrue(tokens.lookUp("Bearer  " + admin + " ").isEmpty());
        given().header("Authorization", "Bearer " + admin + "x").get("/tenants").then().statusCode(401);
    }

    @Test
    void aRememberedTokenKeepsItsOwnRolesAndMssp() {
        String reader = TestTokens.alphaReader();
        as(reader).get("/tenants").then().statusCode(200);
        as(reader).delete("/tenants/{id}", "2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01").then().statusCode(403);
        String beta = TestTokens.betaAdmin();
        as(beta).get("/tenants").then().statusCode(200);
        as(beta).get("/tenants").then().statusCode(200).body("total", equalTo(0));
        as(TestTokens.token(TestTokens.UNKNOWN_MSSP, TestTokens.ADMIN)).get("/tenants").then().statusCode(403);
    }
}
