package io.tenantportal.mssp;

import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.tenantportal.support.ApiTest;
import io.tenantportal.support.TestTokens;

/** The audit log names the caller the way Entra's tokens name it. */
@QuarkusTest
class AuditActorTest extends ApiTest {

    static final String CONTOSO = "2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01";

    @Test
    void anAppTokenOfVersion2IsItsAuthorizedParty() {
        // v2.0 client credentials: no user name, no appid; the calling app is azp.
        assertActor(TestTokens.claims(TestTokens.ALPHA, TestTokens.ADMIN), "ticket-sync-11111111");
    }

    @Test
    void anAppTokenOfVersion1IsItsAppId() {
        assertActor(TestTokens.claims(TestTokens.ALPHA, TestTokens.ADMIN).remove("azp")
                .claim("appid", "v1-app-client-id").claim("ver", "1.0"), "v1-app-client-id");
    }

    @Test
    void aUserIsTheirUserNameEvenWhenTheTokenNamesTheirApp() {
        assertActor(TestTokens.claims(TestTokens.ALPHA, TestTokens.ADMIN).claim("preferred_username", "ann@alpha.example"),
                "ann@alpha.example");
    }

    @Test
    void withoutAnyNameTheSubject() {
        assertActor(TestTokens.claims(TestTokens.ALPHA, TestTokens.ADMIN).remove("azp"), "app-11111111");
    }

    /** The first write verifies the token; the second is answered from the remembered token and must name the same actor. */
    private static void assertActor(JwtClaimsBuilder claims, String actor) {
        String token = claims.sign();
        as(token).contentType(ContentType.JSON).body(Map.of("displayName", "Contoso Ltd"))
                .put("/tenants/{id}", CONTOSO).then().statusCode(201);
        as(token).contentType(ContentType.JSON).body(Map.of("displayName", "Contoso Limited"))
                .put("/tenants/{id}", CONTOSO).then().statusCode(200);
        as(token).get("/audit").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.actor.type", equalTo(java.util.List.of("user", "user")))
                .body("items.actor.name", equalTo(java.util.List.of(actor, actor)));
    }
}
