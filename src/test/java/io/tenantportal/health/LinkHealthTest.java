package io.tenantportal.health;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.tenantportal.support.GraphWireMock.GDAP_PATH;
import static io.tenantportal.support.GraphWireMock.RELATIONSHIPS_PATH;
import static io.tenantportal.support.GraphWireMock.assignment;
import static io.tenantportal.support.GraphWireMock.assignmentsPath;
import static io.tenantportal.support.GraphWireMock.gdap;
import static io.tenantportal.support.GraphWireMock.page;
import static io.tenantportal.support.GraphWireMock.relationship;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tenantportal.support.ApiTest;
import io.tenantportal.support.GraphWireMock;
import io.tenantportal.support.TestTokens;

/** Link health from GDAP relationships: verdicts, paging, Graph's bad days, /health/links, metrics. */
@QuarkusTest
class LinkHealthTest extends ApiTest {

    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    static final String SECURITY_READER = "5d6b6bb7-de71-4623-b4af-96380a352509";
    static final String GLOBAL_READER = "f2ef992c-3afb-46b9-b7cf-a126ee74c451";
    static final String EXCHANGE_ADMIN = "29232cdf-9323-42fd-ade2-1d097af3e4de";

    static final String OK = "c1000000-0000-4000-8000-000000000001";
    static final String EXPIRING = "c1000000-0000-4000-8000-000000000002";
    static final String EXTENDS = "c1000000-0000-4000-8000-000000000003";
    static final String EXPIRED = "c1000000-0000-4000-8000-000000000004";
    static final String PAST_END = "c1000000-0000-4000-8000-000000000005";
    static final String EXCHANGE_ONLY = "c1000000-0000-4000-8000-000000000006";
    static final String PENDING = "c1000000-0000-4000-8000-000000000007";
    static final String DELETED = "c1000000-0000-4000-8000-000000000008";
    static final String NOT_GRANTED = "c1000000-0000-4000-8000-000000000009";
    static final String NO_GDAP = "c1000000-0000-4000-8000-00000000000a";
    static final String TWO = "c1000000-0000-4000-8000-00000000000b";
    static final String SOONER = "c1000000-0000-4000-8000-00000000000c";

    @Inject
    LinkHealthService service;

    @Inject
    MeterRegistry metrics;

    @BeforeEach
    void fixTheClock() {
        service.useClock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void realClock() {
        service.useClock(Clock.systemUTC());
    }

    static ValidatableResponse sync() {
        return as(TestTokens.alphaAdmin()).post("/sync").then();
    }

    static ValidatableResponse customer(String tenantId) {
        return as(TestTokens.alphaReader()).get("/tenants/{name}", tenantId).then().statusCode(200);
    }

    static String rel(String customer) {
        return "r" + customer.substring(customer.length() - 2) + "-5d027261-d21f-4aa9-b7db-7fa1f56fb163";
    }

    static void graphLists(List<String> customers, List<String> relationships) {
        var server = GraphWireMock.server();
        server.stubFor(get(urlPathEqualTo(GDAP_PATH)).willReturn(okJson(page(customers, null))));
        server.stubFor(get(urlPathEqualTo(RELATIONSHIPS_PATH)).willReturn(okJson(page(relationships, null))));
    }

    static void assignments(String relationshipId, String... assignments) {
        GraphWireMock.server().stubFor(get(urlPathEqualTo(assignmentsPath(relationshipId)))
                .willReturn(okJson(page(List.of(assignments), null))));
    }

    /** Every verdict, one customer each, as Graph would describe them. */
    static void everyVerdict() {
        List<String> customers = new ArrayList<>();
        for (String[] c : new String[][] { { OK, "Okay Ltd" }, { EXPIRING, "Expiring Ltd" }, { EXTENDS, "Extends Ltd" },
                { EXPIRED, "Expired Ltd" }, { PAST_END, "Past End Ltd" }, { EXCHANGE_ONLY, "Exchange Only Ltd" },
                { PENDING, "Pending Ltd" }, { DELETED, "Deleted Ltd" }, { NOT_GRANTED, "Not Granted Ltd" },
                { NO_GDAP, "No Gdap Ltd" }, { TWO, "Two Relationships Ltd" }, { SOONER, "Sooner Ltd" } }) {
            customers.add(gdap(c[0], c[1]));
        }
        graphLists(customers, List.of(
                relationship(rel(OK), "Okay SOC", OK, "active", "2027-06-01T00:00:00Z", "PT0S", SECURITY_READER),
                relationship(rel(EXPIRING), "Expiring SOC", EXPIRING, "active", "2026-12-20T00:00:00Z", "PT0S",
                        SECURITY_READER),
                relationship(rel(SOONER), "Sooner SOC", SOONER, "active", "2026-12-05T12:00:00Z", null, GLOBAL_READER),
                relationship(rel(EXTENDS), "Extends SOC", EXTENDS, "active", "2026-12-10T00:00:00Z", "P180D",
                        SECURITY_READER),
                relationship(rel(EXPIRED), "Expired SOC", EXPIRED, "expired", "2026-11-01T00:00:00Z", "PT0S",
                        SECURITY_READER),
                relationship(rel(PAST_END), "Past End SOC", PAST_END, "active", "2026-11-30T00:00:00Z", "PT0S",
                        SECURITY_READER),
                relationship(rel(EXCHANGE_ONLY), "Mail team", EXCHANGE_ONLY, "active", "2027-06-01T00:00:00Z", "PT0S",
                        EXCHANGE_ADMIN),
                relationship(rel(PENDING), "Pending SOC", PENDING, "active", "2027-06-01T00:00:00Z", "PT0S",
                        SECURITY_READER),
                relationship(rel(DELETED), "Deleted SOC", DELETED, "active", "2027-06-01T00:00:00Z", "PT0S",
                        SECURITY_READER),
                relationship(rel(NOT_GRANTED), "Not Granted SOC", NOT_GRANTED, "active", "2027-06-01T00:00:00Z",
                        "PT0S", EXCHANGE_ADMIN),
                relationship("old-" + rel(TWO), "Old SOC", TWO, "terminated", "2026-10-01T00:00:00Z", "PT0S",
                        SECURITY_READER),
                relationship(rel(TWO), "New SOC", TWO, "active", "2027-03-01T00:00:00Z", "PT0S", SECURITY_READER)));
        assignments(rel(OK), assignment("a1", "active", SECURITY_READER));
        assignments(rel(EXPIRING), assignment("a2", "active", SECURITY_READER));
        assignments(rel(SOONER), assignment("a3", "active", GLOBAL_READER));
        assignments(rel(EXTENDS), assignment("a4", "active", SECURITY_READER));
        assignments(rel(PAST_END), assignment("a5", "active", SECURITY_READER));
        assignments(rel(EXCHANGE_ONLY), assignment("a6", "active", EXCHANGE_ADMIN));
        assignments(rel(PENDING), assignment("a7", "pending", SECURITY_READER));
        assignments(rel(DELETED), assignment("a8", "deleted", SECURITY_READER), assignment("a9", "deleting",
                SECURITY_READER), assignment("a10", "error", SECURITY_READER));
        // The assignment names Security Reader, but the relationship grants only Exchange Administrator.
        assignments(rel(NOT_GRANTED), assignment("a11", "active", SECURITY_READER, EXCHANGE_ADMIN));
        assignments(rel(TWO), assignment("a12", "active", SECURITY_READER));
    }

    static void defender(String tenantId, String verdict) {
        customer(tenantId).body("health.defender.verdict", equalTo(verdict));
    }

    @Test
    void eachCustomerGetsTheVerdictItsRelationshipsGive() {
        everyVerdict();
        sync().statusCode(200).body("outcome", equalTo("succeeded")).body("added", equalTo(12))
                .body("relationships", equalTo(12)).body("relationshipsOutcome", equalTo("read"));

        customer(OK).body("health.defender.verdict", equalTo("ok"))
                .body("health.defender.portal", equalTo("defender"))
                .body("health.defender.endsAt", equalTo("2027-06-01T00:00:00Z"))
                .body("health.defender.relationship", equalTo("Okay SOC"))
                .body("health.defender.checkedAt", equalTo("2026-12-01T00:00:00Z"))
                .body("health.exchange.verdict", equalTo("no-role"))
                .body("health.keySet()", hasItems("defender", "purview", "entra", "azure", "intune", "m365",
                        "exchange", "teams", "powerplatform", "sharepoint", "powerapps", "powerbi"));
        customer(EXPIRING).body("health.defender.verdict", equalTo("expiring"))
                .body("health.defender.endsAt", equalTo("2026-12-20T00:00:00Z"));
        defender(SOONER, "expiring");
        defender(EXTENDS, "ok");
        customer(EXPIRED).body("health.defender.verdict", equalTo("expired"))
                .body("health.defender.endsAt", equalTo("2026-11-01T00:00:00Z"));
        defender(PAST_END, "expired");
        customer(EXCHANGE_ONLY).body("health.defender.verdict", equalTo("no-role"))
                .body("health.exchange.verdict", equalTo("ok"));
        defender(PENDING, "no-role");
        defender(DELETED, "no-role");
        customer(NOT_GRANTED).body("health.defender.verdict", equalTo("no-role"))
                .body("health.exchange.verdict", equalTo("ok"));
        customer(NO_GDAP).body("health.defender.verdict", equalTo("none"))
                .body("health.defender.endsAt", nullValue())
                .body("health.defender.detail", org.hamcrest.Matchers.containsString("other means"));
        customer(TWO).body("health.defender.verdict", equalTo("ok"))
                .body("health.defender.relationship", equalTo("New SOC"));
        // Only active relationships have their assignments read.
        assertEquals(0, GraphWireMock.server().findAll(getRequestedFor(urlPathEqualTo(assignmentsPath(rel(EXPIRED)))))
                .size());
    }

    @Test
    void theSameRelationshipExpiresAsTimeGoesBy() {
        everyVerdict();
        sync().statusCode(200);
        service.useClock(Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC));
        defender(EXPIRING, "ok");
        service.useClock(Clock.fixed(Instant.parse("2026-12-19T23:59:59Z"), ZoneOffset.UTC));
        defender(EXPIRING, "expiring");
        service.useClock(Clock.fixed(Instant.parse("2026-12-20T00:00:00Z"), ZoneOffset.UTC));
        defender(EXPIRING, "expired");
        defender(EXTENDS, "expired");
    }

    @Test
    void thePortalCallCarriesTheHealthOfThePortalAskedForAndStillRedirects() {
        everyVerdict();
        sync().statusCode(200);
        as(TestTokens.alphaReader()).accept(ContentType.JSON).get("/tenants/{name}/portal", "Expiring Ltd").then()
                .statusCode(200)
                .body("portal", equalTo("defender"))
                .body("health.portal", equalTo("defender"))
                .body("health.verdict", equalTo("expiring"))
                .body("health.endsAt", equalTo("2026-12-20T00:00:00Z"))
                .body("health.relationship", equalTo("Expiring SOC"));
        as(TestTokens.alphaReader()).accept(ContentType.JSON).queryParam("portal", "intune")
                .get("/tenants/{name}/portal", "Okay Ltd").then()
                .statusCode(200).body("health.portal", equalTo("intune")).body("health.verdict", equalTo("no-role"));
        // Never blocked: an expired link still redirects.
        as(TestTokens.alphaReader()).get("/tenants/{name}/portal", "Expired Ltd").then()
                .statusCode(302).header("Location", equalTo("https://security.microsoft.com/?tid=" + EXPIRED));
    }

    @Test
    void theCustomerListCarriesHealth() {
        everyVerdict();
        sync().statusCode(200);
        as(TestTokens.alphaReader()).queryParam("q", "Expir").get("/tenants").then().statusCode(200)
                .body("items.displayName", contains("Expired Ltd", "Expiring Ltd"))
                .body("items.health.defender.verdict", contains("expired", "expiring"))
                .body("items[0].tenantId", equalTo(EXPIRED));
    }

    @Test
    void relationshipsAndAssignmentsArePaged() {
        var server = GraphWireMock.server();
        String next = GraphWireMock.baseUrl() + RELATIONSHIPS_PATH + "?$skiptoken=";
        server.stubFor(get(urlPathEqualTo(GDAP_PATH)).willReturn(okJson(page(List.of(gdap(OK, "Okay Ltd"),
                gdap(EXPIRING, "Expiring Ltd")), null))));
        server.stubFor(get(urlPathEqualTo(RELATIONSHIPS_PATH)).withQueryParam("$top", WireMock.equalTo("300"))
                .withQueryParam("$skiptoken", absent())
                .willReturn(okJson(page(List.of(relationship(rel(OK), "Okay SOC", OK, "active",
                        "2027-06-01T00:00:00Z", "PT0S", EXCHANGE_ADMIN, SECURITY_READER)), next + "p2"))));
        server.stubFor(get(urlPathEqualTo(RELATIONSHIPS_PATH)).withQueryParam("$skiptoken", WireMock.equalTo("p2"))
                .willReturn(okJson(page(List.of(relationship(rel(EXPIRING), "Expiring SOC", EXPIRING, "active",
                        "2027-06-01T00:00:00Z", "PT0S", SECURITY_READER)), null))));
        String assignmentsNext = GraphWireMock.baseUrl() + assignmentsPath(rel(OK)) + "?$skiptoken=";
        server.stubFor(get(urlPathEqualTo(assignmentsPath(rel(OK)))).withQueryParam("$skiptoken", absent())
                .willReturn(okJson(page(List.of(assignment("a1", "active", EXCHANGE_ADMIN)), assignmentsNext + "q2"))));
        server.stubFor(get(urlPathEqualTo(assignmentsPath(rel(OK)))).withQueryParam("$skiptoken", WireMock.equalTo("q2"))
                .willReturn(okJson(page(List.of(assignment("a2", "active", SECURITY_READER)), null))));
        assignments(rel(EXPIRING), assignment("a3", "active", SECURITY_READER));

        sync().statusCode(200).body("relationships", equalTo(2));

        customer(OK).body("health.defender.verdict", equalTo("ok")).body("health.exchange.verdict", equalTo("ok"));
        defender(EXPIRING, "ok");
        assertEquals(2, server.findAll(getRequestedFor(urlPathEqualTo(RELATIONSHIPS_PATH))).size());
        assertEquals(2, server.findAll(getRequestedFor(urlPathEqualTo(assignmentsPath(rel(OK))))).size());
    }

    @Test
    void aNextPageOffGraphIsNotFollowed() {
        graphLists(List.of(gdap(OK, "Okay Ltd")), List.of());
        GraphWireMock.server().stubFor(get(urlPathEqualTo(RELATIONSHIPS_PATH)).willReturn(okJson(page(List.of(
                relationship(rel(OK), "Okay SOC", OK, "active", null, null, SECURITY_READER)),
                "https://attacker.example/v1.0/steal"))));
        sync().statusCode(200).body("relationshipsOutcome", equalTo("unavailable"));
        defender(OK, "unknown");
    }

    @Test
    void missingPermissionMakesHealthUnknownAndTheSyncStillSucceeds() {
        everyVerdict();
        sync().statusCode(200);
        defender(OK, "ok");
        GraphWireMock.server().stubFor(get(urlPathEqualTo(RELATIONSHIPS_PATH)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"Authorization_RequestDenied\"}}")));

        sync().statusCode(200).body("outcome", equalTo("succeeded")).body("unchanged", equalTo(12))
                .body("relationships", nullValue()).body("relationshipsOutcome", equalTo("forbidden"));

        customer(OK).body("health.defender.verdict", equalTo("unknown"))
                .body("health.defender.checkedAt", equalTo("2026-12-01T00:00:00Z"));
        as(TestTokens.alphaReader()).get("/health/links").then().statusCode(200)
                .body("counts.unknown", equalTo(12)).body("failure", equalTo("forbidden"));
    }

    @Test
    void throttlingIsWaitedOutAsRetryAfterSays() {
        graphLists(List.of(gdap(OK, "Okay Ltd")), List.of());
        var server = GraphWireMock.server();
        server.stubFor(get(urlPathEqualTo(RELATIONSHIPS_PATH)).inScenario("throttle").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")).willSetStateTo("waited"));
        server.stubFor(get(urlPathEqualTo(RELATIONSHIPS_PATH)).inScenario("throttle").whenScenarioStateIs("waited")
                .willReturn(okJson(page(List.of(relationship(rel(OK), "Okay SOC", OK, "active",
                        "2027-06-01T00:00:00Z", "PT0S", SECURITY_READER)), null))));
        server.stubFor(get(urlPathEqualTo(assignmentsPath(rel(OK)))).inScenario("assignments throttle")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("waited"));
        server.stubFor(get(urlPathEqualTo(assignmentsPath(rel(OK)))).inScenario("assignments throttle")
                .whenScenarioStateIs("waited")
                .willReturn(okJson(page(List.of(assignment("a1", "active", SECURITY_READER)), null))));

        long started = System.nanoTime();
        sync().statusCode(200).body("relationshipsOutcome", equalTo("read"));
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        assertTrue(tookMs >= 3_000, "Retry-After 2 s and 1 s were waited for, took " + tookMs + " ms");
        defender(OK, "ok");
        var requests = server.findAll(getRequestedFor(urlPathEqualTo(RELATIONSHIPS_PATH)));
        assertEquals(2, requests.size());
        long gapMs = requests.get(1).getLoggedDate().getTime() - requests.get(0).getLoggedDate().getTime();
        assertTrue(gapMs >= 2_000, "the second try waited " + gapMs + " ms");
    }

    @Test
    void anOutageKeepsTheLastGoodReadAndSaysSo() {
        everyVerdict();
        sync().statusCode(200);
        service.useClock(Clock.fixed(NOW.plusSeconds(3600), ZoneOffset.UTC));
        GraphWireMock.server().stubFor(get(urlPathEqualTo(RELATIONSHIPS_PATH))
                .willReturn(aResponse().withStatus(500)));

        sync().statusCode(200).body("outcome", equalTo("succeeded")).body("relationshipsOutcome", equalTo("unavailable"));

        customer(OK).body("health.defender.verdict", equalTo("ok"))
                .body("health.defender.checkedAt", equalTo("2026-12-01T00:00:00Z"));
        as(TestTokens.alphaReader()).get("/health/links").then().statusCode(200)
                .body("checkedAt", equalTo("2026-12-01T00:00:00Z"))
                .body("failure", equalTo("unavailable"))
                .body("failedAt", equalTo("2026-12-01T01:00:00Z"));
    }

    @Test
    void healthLinksCountsEveryVerdictAndListsWhatEndsSoonSoonestFirst() {
        as(TestTokens.alphaReader()).get("/health/links").then().statusCode(200)
                .body("counts.ok", equalTo(0)).body("counts.unknown", equalTo(0))
                .body("checkedAt", nullValue());
        everyVerdict();
        sync().statusCode(200);

        as(TestTokens.alphaReader()).get("/health/links").then().statusCode(200)
                .body("portal", equalTo("defender"))
                .body("counts.keySet()", contains("ok", "expiring", "no-role", "expired", "none", "unknown"))
                .body("counts.ok", equalTo(3))
                .body("counts.expiring", equalTo(2))
                .body("counts.no-role", equalTo(4))
                .body("counts.expired", equalTo(2))
                .body("counts.none", equalTo(1))
                .body("counts.unknown", equalTo(0))
                .body("expiringSoon.tenantId", contains(SOONER, EXPIRING))
                .body("expiringSoon.displayName", contains("Sooner Ltd", "Expiring Ltd"))
                .body("expiringSoon.endsAt", contains("2026-12-05T12:00:00Z", "2026-12-20T00:00:00Z"))
                .body("checkedAt", equalTo("2026-12-01T00:00:00Z"));
        as(TestTokens.alphaReader()).queryParam("portal", "exchange").get("/health/links").then().statusCode(200)
                // Sooner's Global Reader opens Exchange too.
                .body("counts.ok", equalTo(2)).body("counts.expiring", equalTo(1)).body("counts.no-role", equalTo(6))
                .body("expiringSoon.tenantId", contains(SOONER));
        as(TestTokens.alphaReader()).queryParam("portal", "nope").get("/health/links").then().statusCode(400)
                .contentType("application/problem+json");
        as(TestTokens.token(TestTokens.ALPHA)).get("/health/links").then().statusCode(403);
    }

    @Test
    void eachMsspSeesOnlyItsOwnHealth() {
        everyVerdict();
        sync().statusCode(200);
        createCustomer(TestTokens.BETA, NO_GDAP, "Beta's customer");
        String gamma = TestTokens.token(GraphWireMock.GAMMA, TestTokens.ADMIN);
        GraphWireMock.server().stubFor(get(urlPathEqualTo(GDAP_PATH)).willReturn(okJson(page(List.of(
                gdap(OK, "Okay Ltd")), null))));
        GraphWireMock.server().stubFor(get(urlPathEqualTo(RELATIONSHIPS_PATH)).willReturn(okJson(page(List.of(), null))));
        as(gamma).post("/sync").then().statusCode(200).body("relationships", equalTo(0));

        // Gamma's sync (no relationships) changes nothing of alpha's.
        defender(OK, "ok");
        as(gamma).get("/tenants/{name}", OK).then().statusCode(200).body("health.defender.verdict", equalTo("none"));
        as(gamma).get("/health/links").then().statusCode(200).body("counts.none", equalTo(1))
                .body("counts.ok", equalTo(0)).body("expiringSoon.size()", equalTo(0));
        // Beta has no Graph: unknown, and alpha's data about the same tenant id never leaks into it.
        as(TestTokens.betaAdmin()).get("/tenants/{name}", NO_GDAP).then().statusCode(200)
                .body("health.defender.verdict", equalTo("unknown"));
        as(TestTokens.betaAdmin()).get("/health/links").then().statusCode(200).body("counts.unknown", equalTo(1))
                .body("counts.ok", equalTo(0));
    }

    @Test
    void gaugesCountCustomersPerVerdict() {
        everyVerdict();
        sync().statusCode(200);
        assertEquals(2.0, gauge("alpha", "defender", "expiring"));
        assertEquals(3.0, gauge("alpha", "defender", "ok"));
        assertEquals(1.0, gauge("alpha", "defender", "none"));
        assertEquals(2.0, gauge("alpha", "exchange", "ok"));
        assertEquals(0.0, gauge("gamma", "defender", "ok"));
    }

    double gauge(String mssp, String portal, String verdict) {
        var gauge = metrics.find("tenantportal.link.health.customers").tags("mssp", mssp, "portal", portal,
                "verdict", verdict).gauge();
        assertTrue(gauge != null, "gauge " + mssp + "/" + portal + "/" + verdict);
        return gauge.value();
    }

    @Test
    void anotherReplicasSyncIsPickedUpWithinSeconds() throws InterruptedException {
        createCustomer(TestTokens.ALPHA, OK, "Okay Ltd");
        defender(OK, "unknown");
        // What another replica's sync commits: relationships, and a new version of the read state.
        database.execute("INSERT INTO gdap_relationship (mssp_id, relationship_id, display_name, customer_tenant_id, "
                + "status, ends_at, auto_extends, granted_roles) SELECT id, 'r1', 'Okay SOC', '" + OK + "', 'active', "
                + "'2027-06-01T00:00:00Z', false, ARRAY['" + SECURITY_READER + "']::uuid[] FROM mssp WHERE mssp_key = 'alpha'");
        database.execute("INSERT INTO gdap_read_state (mssp_id, checked_at, relationships) SELECT id, "
                + "'2026-12-01T00:00:00Z', 1 FROM mssp WHERE mssp_key = 'alpha'");
        long deadline = System.nanoTime() + 10_000_000_000L;
        String verdict = "unknown";
        while (System.nanoTime() < deadline && !"ok".equals(verdict)) {
            Thread.sleep(200);
            verdict = customer(OK).extract().path("health.defender.verdict");
        }
        assertEquals("ok", verdict);
        customer(OK).body("health.defender.checkedAt", notNullValue());
    }

    @Test
    void aMissRefreshesTheCustomersWithoutWaitingForRelationships() {
        everyVerdict();
        as(TestTokens.alphaReader()).get("/tenants/{name}/portal", "Okay Ltd").then().statusCode(302);

        assertEquals(0, GraphWireMock.server().findAll(getRequestedFor(urlPathEqualTo(RELATIONSHIPS_PATH))).size());
        defender(OK, "unknown");
    }
}
