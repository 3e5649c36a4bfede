package io.tenantportal.integration;

import static io.tenantportal.support.TestKeys.withBearerKey;
import static io.tenantportal.support.TestKeys.withKey;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tenantportal.support.ApiTest;
import io.tenantportal.support.TestKeys;
import io.tenantportal.support.TestTokens;

@QuarkusTest
class IntegrationLifecycleTest extends ApiTest {

    static final String CONTOSO = "2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01";
    static final String FABRIKAM = "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9";
    static final String KEY_PATTERN = "tpk_[A-Za-z0-9_-]{43}";

    @Inject
    LastUsed lastUsed;

    @Inject
    Scheduler scheduler;

    private static ValidatableResponse create(String token, Map<String, Object> body) {
        return as(token).contentType(ContentType.JSON).body(body).post("/integrations").then();
    }

    private static Map<String, Object> body(String name, String role, Object expiresAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("role", role);
        body.put("expiresAt", expiresAt);
        return body;
    }

    private static int portalStatus(String key) {
        return withKey(key).get("/tenants/{name}/portal", "Contoso").statusCode();
    }

    @Test
    void createShowsTheKeyOnceAndStoresOnlyItsHash() {
        var created = create(TestTokens.alphaAdmin(), body("ConnectWise prod", "Portal.Read", null))
                .statusCode(201)
                .header("Cache-Control", "no-store")
                .body("name", equalTo("ConnectWise prod"))
                .body("role", equalTo("Portal.Read"))
                .body("createdBy", equalTo("ticket-sync-11111111"))
                .body("createdAt", notNullValue())
                .body("expiresAt", nullValue())
                .body("lastUsedAt", nullValue())
                .body("revokedAt", nullValue())
                .body("key", matchesPattern(KEY_PATTERN))
                .extract();
        String id = created.path("id");
        String key = created.path("key");
        assertEquals("/integrations/" + id, URI.create(created.header("Location")).getPath());

        String list = as(TestTokens.alphaAdmin()).get("/integrations").then().statusCode(200)
                .body("id", contains(id))
                .body("name", contains("ConnectWise prod"))
                .body("[0]", not(hasKey("key")))
                .body("[0]", not(hasKey("keyHash")))
                .extract().asString();
        assertFalse(list.contains(key.substring(4)));
        as(TestTokens.alphaAdmin()).get(created.header("Location")).then().statusCode(200)
                .body("id", equalTo(id)).body("role", equalTo("Portal.Read")).body("$", not(hasKey("key")));

        assertEquals(1, database.count("SELECT count(*) FROM integration_key WHERE key_hash = sha256(convert_to('"
                + key + "', 'UTF8'))"));
        assertEquals(0, database.count("SELECT count(*) FROM audit_event WHERE position('" + key.substring(4) + "' IN detail) > 0"));
        assertEquals(1, database.count("SELECT count(*) FROM audit_event WHERE action = 'integration.created' "
                + "AND detail = 'ConnectWise prod (Portal.Read)'"));
    }

    @Test
    void keyWorksInEitherHeaderForItsMsspWithItsRole() {
        createCustomer(TestTokens.ALPHA, CONTOSO, "Contoso Ltd", "Contoso");
        TestKeys.Issued reader = TestKeys.issue(TestTokens.ALPHA, "HaloPSA", "Portal.Read");

        withKey(reader.key()).get("/tenants/{name}/portal", "Contoso").then().statusCode(302)
                .header("Location", "https://security.microsoft.com/?tid=" + CONTOSO);
        withBearerKey(reader.key()).accept(ContentType.JSON).get("/tenants/{name}/portal", "Contoso").then()
                .statusCode(200).body("tenantId", equalTo(CONTOSO));
        withKey(reader.key()).get("/tenants").then().statusCode(200).body("total", equalTo(1));

        // Read may not write; another MSSP's customer does not exist for the key.
        withKey(reader.key()).contentType(ContentType.JSON).body(new Body("Fabrikam", null, null, List.of(), List.of()))
                .put("/tenants/{id}", FABRIKAM).then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("urn:tenant-portal:problem:forbidden"));
        createCustomer(TestTokens.BETA, FABRIKAM, "Fabrikam");
        withKey(reader.key()).get("/tenants/{name}/portal", "Fabrikam").then().statusCode(404);
        withKey(reader.key()).get("/tenants/{name}", FABRIKAM).then().statusCode(404);
    }

    @Test
    void adminKeyWritesAndTheChangeNamesTheIntegration() {
        TestKeys.Issued admin = TestKeys.issue(TestTokens.ALPHA, "ServiceNow", "Portal.Admin");
        withKey(admin.key()).contentType(ContentType.JSON).body(new Body("Contoso Ltd", null, null, List.of(), List.of()))
                .put("/tenants/{id}", CONTOSO).then().statusCode(201);

        as(TestTokens.alphaAdmin()).get("/audit?kind=change&tenantId=" + CONTOSO).then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].action", equalTo("customer.created"))
                .body("items[0].actor.type", equalTo("integration"))
                .body("items[0].actor.id", equalTo(admin.id()))
                .body("items[0].actor.name", equalTo("ServiceNow"));
    }

    @Test
    void aKeyNeverManagesIntegrations() {
        TestKeys.Issued admin = TestKeys.issue(TestTokens.ALPHA, "Autotask", "Portal.Admin");
        TestKeys.Issued reader = TestKeys.issue(TestTokens.ALPHA, "HaloPSA", "Portal.Read");
        for (var call : List.of(withKey(admin.key()).get("/integrations"),
                withBearerKey(admin.key()).get("/integrations/{id}", admin.id()),
                withKey(admin.key()).contentType(ContentType.JSON).body(body("Mine", "Portal.Admin", null)).post("/integrations"),
                withKey(admin.key()).post("/integrations/{id}/rotate", reader.id()),
                withKey(admin.key()).delete("/integrations/{id}", reader.id()))) {
            call.then().statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo("urn:tenant-portal:problem:integration-key-forbidden"))
                    .body("detail", equalTo("Integration keys cannot manage integrations; an admin signed in with Entra ID can."));
        }
        withKey(reader.key()).get("/integrations").then().statusCode(403);
        assertEquals(2, database.count("SELECT count(*) FROM integration WHERE revoked_at IS NULL"));
        withKey(reader.key()).get("/tenants").then().statusCode(200);
    }

    @Test
    void rotationKeepsThePreviousKeyForTheGracePeriodOnly() throws InterruptedException {
        createCustomer(TestTokens.ALPHA, CONTOSO, "Contoso Ltd", "Contoso");
        TestKeys.Issued first = TestKeys.issue(TestTokens.ALPHA, "ConnectWise prod", "Portal.Read");

        Instant before = Instant.now();
        var rotated = as(TestTokens.alphaAdmin()).post("/integrations/{id}/rotate?grace=PT1H", first.id()).then()
                .statusCode(200)
                .body("id", equalTo(first.id()))
                .body("name", equalTo("ConnectWise prod"))
                .body("key", matchesPattern(KEY_PATTERN))
                .extract();
        String second = rotated.path("key");
        assertNotEquals(first.key(), second);
        Instant until = Instant.parse(rotated.path("previousKeyValidUntil"));
        assertTrue(!until.isBefore(before.plus(Duration.ofHours(1))) && until.isBefore(Instant.now().plus(Duration.ofHours(1))));
        assertEquals(302, portalStatus(first.key()));
        assertEquals(302, portalStatus(second));

        // A grace of 2 s: the first key lapses by the clock alone, no reload needed.
        String third = as(TestTokens.alphaAdmin()).post("/integrations/{id}/rotate?grace=PT2S", first.id()).then()
                .statusCode(200).extract().path("key");
        assertEquals(302, portalStatus(first.key()));
        assertEquals(302, portalStatus(second));
        assertEquals(302, portalStatus(third));
        Thread.sleep(2_200);
        assertEquals(401, portalStatus(first.key()));
        assertEquals(401, portalStatus(second));
        assertEquals(302, portalStatus(third));

        String fourth = as(TestTokens.alphaAdmin()).post("/integrations/{id}/rotate?grace=PT0S", first.id()).then()
                .statusCode(200).extract().path("key");
        assertEquals(401, portalStatus(third));
        assertEquals(302, portalStatus(fourth));
        assertEquals(3, database.count("SELECT count(*) FROM audit_event WHERE action = 'integration.rotated'"));
    }

    @Test
    void rotationDefaultsToADayOfGraceAndRefusesOtherPeriods() {
        TestKeys.Issued issued = TestKeys.issue(TestTokens.ALPHA, "ConnectWise prod", "Portal.Read");
        Instant rotated = Instant.parse(as(TestTokens.alphaAdmin()).post("/integrations/{id}/rotate", issued.id()).then()
                .statusCode(200).extract().path("previousKeyValidUntil"));
        Duration grace = Duration.between(Instant.now(), rotated);
        assertTrue(grace.compareTo(Duration.ofHours(23)) > 0 && grace.compareTo(Duration.ofHours(24)) <= 0, grace.toString());

        for (String bad : List.of("P31D", "-PT1S", "24h", "PT24H\u0000", "P1Y")) {
            as(TestTokens.alphaAdmin()).queryParam("grace", bad).post("/integrations/{id}/rotate", issued.id()).then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("grace"));
        }
        as(TestTokens.alphaAdmin()).post("/integrations/{id}/rotate?grace=P30D", issued.id()).then().statusCode(200);
    }

    @Test
    void revokedKeyFailsAtOnceAndTheNameIsFreeAgain() {
        createCustomer(TestTokens.ALPHA, CONTOSO, "Contoso Ltd", "Contoso");
        TestKeys.Issued issued = TestKeys.issue(TestTokens.ALPHA, "ConnectWise prod", "Portal.Read");
        assertEquals(302, portalStatus(issued.key()));

        as(TestTokens.alphaAdmin()).delete("/integrations/{id}", issued.id()).then().statusCode(204);
        assertEquals(401, portalStatus(issued.key()));
        as(TestTokens.alphaAdmin()).get("/integrations").then().statusCode(200)
                .body("id", contains(issued.id())).body("[0].revokedAt", notNullValue());
        as(TestTokens.alphaAdmin()).delete("/integrations/{id}", issued.id()).then().statusCode(404)
                .contentType("application/problem+json");
        as(TestTokens.alphaAdmin()).post("/integrations/{id}/rotate", issued.id()).then().statusCode(404);
        assertEquals(1, database.count("SELECT count(*) FROM integration WHERE revoked_at IS NOT NULL"));

        TestKeys.Issued again = TestKeys.issue(TestTokens.ALPHA, "ConnectWise prod", "Portal.Read");
        assertEquals(302, portalStatus(again.key()));
        assertEquals(401, portalStatus(issued.key()));
    }

    @Test
    void revocationOnAnotherReplicaReachesThisOneWithinFiveSeconds() throws InterruptedException {
        createCustomer(TestTokens.ALPHA, CONTOSO, "Contoso Ltd", "Contoso");
        TestKeys.Issued issued = TestKeys.issue(TestTokens.ALPHA, "ConnectWise prod", "Portal.Read");
        assertEquals(302, portalStatus(issued.key()));

        // What another replica's DELETE commits; this replica only learns of it by polling.
        database.execute("UPDATE integration SET revoked_at = now() WHERE id = '" + issued.id() + "'");
        database.execute("UPDATE integration_change SET version = version + 1");
        long start = System.nanoTime();
        while (portalStatus(issued.key()) == 302) {
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos(), "key still works after 5 s");
            Thread.sleep(100);
        }
        assertEquals(401, portalStatus(issued.key()));
    }

    @Test
    void expiredKeyFailsAndCannotBeRotated() throws InterruptedException {
        createCustomer(TestTokens.ALPHA, CONTOSO, "Contoso Ltd", "Contoso");
        Instant expiresAt = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
        TestKeys.Issued issued = TestKeys.issue(TestTokens.ALPHA, "Trial", "Portal.Read", expiresAt.toString());
        as(TestTokens.alphaAdmin()).get("/integrations/{id}", issued.id()).then().statusCode(200)
                .body("expiresAt", equalTo(expiresAt.toString()));
        assertEquals(302, portalStatus(issued.key()));

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiresAt).toMillis()) + 100);
        assertEquals(401, portalStatus(issued.key()));
        as(TestTokens.alphaAdmin()).post("/integrations/{id}/rotate", issued.id()).then().statusCode(409)
                .body("type", equalTo("urn:tenant-portal:problem:integration-expired"));
    }

    @Test
    void anotherMsspsIntegrationDoesNotExist() {
        TestKeys.Issued alpha = TestKeys.issue(TestTokens.ALPHA, "ConnectWise prod", "Portal.Read");
        as(TestTokens.betaAdmin()).get("/integrations").then().statusCode(200).body("$", empty());
        as(TestTokens.betaAdmin()).get("/integrations/{id}", alpha.id()).then().statusCode(404)
                .contentType("application/problem+json");
        as(TestTokens.betaAdmin()).post("/integrations/{id}/rotate", alpha.id()).then().statusCode(404);
        as(TestTokens.betaAdmin()).delete("/integrations/{id}", alpha.id()).then().statusCode(404);
        as(TestTokens.alphaAdmin()).get("/integrations/{id}", "not-a-guid").then().statusCode(404);
        as(TestTokens.alphaAdmin()).get("/integrations/{id}", alpha.id()).then().statusCode(200).body("revokedAt", nullValue());

        // Names are per MSSP.
        create(TestTokens.betaAdmin(), body("ConnectWise prod", "Portal.Read", null)).statusCode(201);
        as(TestTokens.alphaReader()).get("/integrations").then().statusCode(403);
    }

    @Test
    void invalidInputIsRefusedFieldByField() {
        String admin = TestTokens.alphaAdmin();
        assertInvalid(create(admin, body("", "Portal.Read", null)), "name");
        assertInvalid(create(admin, body("x".repeat(101), "Portal.Read", null)), "name");
        assertInvalid(create(admin, body("Bell\u0007", "Portal.Read", null)), "name");
        assertInvalid(create(admin, body("Line\u2028break", "Portal.Read", null)), "name");
        assertInvalid(create(admin, body("ConnectWise", "Portal.Owner", null)), "role");
        assertInvalid(create(admin, body("ConnectWise", null, null)), "role");
        assertInvalid(create(admin, body("ConnectWise", "Portal.Read", Instant.now().minusSeconds(60).toString())), "expiresAt");
        assertInvalid(create(admin, body("ConnectWise", "Portal.Read", "+20000-01-01T00:00:00Z")), "expiresAt");
        as(admin).contentType(ContentType.JSON).body("{\"name\": \"ConnectWise\", \"expiresAt\": \"tomorrow\"}")
                .post("/integrations").then().statusCode(400).contentType("application/problem+json");
        as(admin).contentType(ContentType.JSON).post("/integrations").then().statusCode(400)
                .contentType("application/problem+json");
        create(admin, body("x".repeat(100), "Portal.Read", null)).statusCode(201);
        assertEquals(1, database.count("SELECT count(*) FROM integration"));
    }

    private static void assertInvalid(ValidatableResponse response, String field) {
        response.statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:tenant-portal:problem:invalid-request"))
                .body("errors.field", contains(field));
    }

    @Test
    void liveNamesAreUniquePerMsspWithoutRegardToCase() {
        create(TestTokens.alphaAdmin(), body("ConnectWise prod", "Portal.Read", null)).statusCode(201);
        create(TestTokens.alphaAdmin(), body(" connectwise PROD ", "Portal.Admin", null)).statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tenant-portal:problem:integration-name-taken"));
        assertEquals(1, database.count("SELECT count(*) FROM integration"));
    }

    @Test
    void lastUsedIsKeptInMemoryAndWrittenInABatch() {
        createCustomer(TestTokens.ALPHA, CONTOSO, "Contoso Ltd", "Contoso");
        TestKeys.Issued used = TestKeys.issue(TestTokens.ALPHA, "ConnectWise prod", "Portal.Read");
        TestKeys.Issued idle = TestKeys.issue(TestTokens.ALPHA, "Autotask", "Portal.Read");
        scheduler.pause(LastUsed.FLUSH_JOB);
        try {
            lastUsed.flush();
            for (int i = 0; i < 20; i++) {
                assertEquals(302, portalStatus(used.key()));
            }
            assertEquals(0, database.count("SELECT count(*) FROM integration WHERE last_used_at IS NOT NULL"));
            String inMemory = as(TestTokens.alphaAdmin()).get("/integrations/{id}", used.id()).then()
                    .body("lastUsedAt", notNullValue()).extract().path("lastUsedAt");

            assertEquals(1, lastUsed.flush());
            assertEquals(1, database.count("SELECT count(*) FROM integration WHERE last_used_at IS NOT NULL AND id = '"
                    + used.id() + "'"));
            as(TestTokens.alphaAdmin()).get("/integrations/{id}", used.id()).then().body("lastUsedAt", equalTo(inMemory));
            as(TestTokens.alphaAdmin()).get("/integrations/{id}", idle.id()).then().body("lastUsedAt", nullValue());
            assertEquals(0, lastUsed.flush());
        } finally {
            scheduler.resume(LastUsed.FLUSH_JOB);
        }
    }

    @Test
    void openApiDocumentsTheIntegrationEndpointsWithExamples() {
        RestAssured.given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/integrations'.post.responses.'201'.headers.Location", notNullValue())
                .body("paths.'/integrations'.post.responses.'403'.content.'application/problem+json'.examples.key", notNullValue())
                .body("paths.'/integrations'.get.responses.'200'.content.'application/json'.examples.list", notNullValue())
                .body("paths.'/integrations/{id}/rotate'.post.responses.'200'.content.'application/json'.examples.rotated",
                        notNullValue())
                .body("paths.'/integrations/{id}'.delete.responses.'404'.content.'application/problem+json'.examples.unknown",
                        notNullValue())
                .body("components.schemas.IntegrationInput.examples[0].name", equalTo("ConnectWise prod"))
                .body("components.schemas.IssuedKey.examples[0].key", matchesPattern(KEY_PATTERN));
    }
}
