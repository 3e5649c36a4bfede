package io.tenantportal.directory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.restassured.RestAssured.given;
import static io.tenantportal.support.GraphWireMock.GDAP_PATH;
import static io.tenantportal.support.GraphWireMock.gdap;
import static io.tenantportal.support.GraphWireMock.page;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.tenantportal.support.ApiTest;
import io.tenantportal.support.GraphWireMock;
import io.tenantportal.support.TestTokens;

/**
 * Graph's bad days, with the %test settings: 3 tries, Retry-After honoured up to 3 s, 1 s read
 * timeout, the circuit opening after 3 failed calls for 4 s, a failed refresh remembered for the
 * 60 s of refresh-min-interval.
 */
@QuarkusTest
class GraphResilienceTest extends ApiTest {

    static final String KNOWN = "b2000000-0000-4000-8000-000000000001";
    static final String LITWARE = "b2000000-0000-4000-8000-000000000002";

    @Inject
    MeterRegistry metrics;

    static void gdapAnswers(ResponseDefinitionBuilder response) {
        GraphWireMock.server().stubFor(get(urlPathEqualTo(GDAP_PATH)).willReturn(response));
    }

    static List<LoggedRequest> gdapRequests() {
        return GraphWireMock.server().findAll(getRequestedFor(urlPathEqualTo(GDAP_PATH)));
    }

    static ValidatableResponse portal(String name) {
        return as(TestTokens.alphaReader()).get("/tenants/{name}/portal", name).then();
    }

    static int domainLookups() {
        return GraphWireMock.server().findAll(getRequestedFor(urlPathMatching(GraphWireMock.FIND_TENANT_PREFIX + ".*")))
                .size();
    }

    static void unavailable(ValidatableResponse response) {
        response.statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("type", equalTo("urn:tenant-portal:problem:directory-unavailable"))
                .body("status", equalTo(503));
    }

    @Test
    void retryAfterIsWaitedForBeforeTheNextCall() {
        var server = GraphWireMock.server();
        server.stubFor(get(urlPathEqualTo(GDAP_PATH)).inScenario("throttled").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")).willSetStateTo("calm"));
        server.stubFor(get(urlPathEqualTo(GDAP_PATH)).inScenario("throttled").whenScenarioStateIs("calm")
                .willReturn(okJson(page(List.of(gdap(LITWARE, "Litware Inc")), null))));

        portal("Litware Inc").statusCode(302)
                .header("Location", "https://security.microsoft.com/?tid=" + LITWARE);

        List<LoggedRequest> calls = gdapRequests();
        assertEquals(2, calls.size());
        long waited = calls.get(1).getLoggedDate().getTime() - calls.get(0).getLoggedDate().getTime();
        assertTrue(waited >= 2_000, "the retry came " + waited + " ms after the 429, before Retry-After: 2");
        assertTrue(waited < 3_000, "the retry waited " + waited + " ms, far longer than asked");
    }

    @Test
    void aLostConnectionIsTriedAgainOnANewOne() {
        var server = GraphWireMock.server();
        server.stubFor(get(urlPathEqualTo(GDAP_PATH)).inScenario("dropped").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("back"));
        server.stubFor(get(urlPathEqualTo(GDAP_PATH)).inScenario("dropped").whenScenarioStateIs("back")
                .willReturn(okJson(page(List.of(gdap(LITWARE, "Litware Inc")), null))));

        portal("Litware Inc").statusCode(302)
                .header("Location", "https://security.microsoft.com/?tid=" + LITWARE);
        assertEquals(2, gdapRequests().size());
    }

    @Test
    void aConnectionLostOnEveryTryEndsInServiceUnavailableAfterTheTries() {
        gdapAnswers(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        as(TestTokens.alphaAdmin()).post("/sync").then().statusCode(503)
                .body("type", equalTo("urn:tenant-portal:problem:directory-unavailable"));
        as(TestTokens.alphaAdmin()).get("/sync").then().statusCode(200)
                .body("[0].outcome", equalTo("failed"))
                .body("[0].error", startsWith("Graph list-gdap failed: "));
        assertEquals(3, gdapRequests().size());
    }

    @Test
    void aRefusedTokenIsRenewedOnceAndTheCallRepeated() {
        var server = GraphWireMock.server();
        server.stubFor(get(urlPathEqualTo(GDAP_PATH)).inScenario("revoked").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(401)).willSetStateTo("renewed"));
        server.stubFor(get(urlPathEqualTo(GDAP_PATH)).inScenario("revoked").whenScenarioStateIs("renewed")
                .willReturn(okJson(page(List.of(gdap(LITWARE, "Litware Inc")), null))));

        portal("Litware Inc").statusCode(302);
        assertEquals(2, gdapRequests().size());
        assertEquals(2, server.findAll(postRequestedFor(urlPathEqualTo(GraphWireMock.TOKEN_PATH))).size());
    }

    @Test
    void aRefusedTokenRequestIsCountedByStatusAndAnswers503() {
        GraphWireMock.server().stubFor(post(
                urlPathEqualTo(GraphWireMock.TOKEN_PATH)).willReturn(aResponse().withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215\"}")));
        double refused = metrics.counter("tenantportal.graph.calls", "operation", "token", "status", "401").count();

        unavailable(portal("Nobody We Know"));

        assertEquals(1.0, metrics.counter("tenantportal.graph.calls", "operation", "token", "status", "401").count()
                - refused);
        assertEquals(0, gdapRequests().size());
        as(TestTokens.alphaAdmin()).get("/sync").then().body("[0].error", equalTo("token endpoint answered 401"));
    }

    @Test
    void aThrottleStormEndsInACleanServiceUnavailable() {
        gdapAnswers(aResponse().withStatus(429).withHeader("Retry-After", "1"));

        long started = System.nanoTime();
        unavailable(portal("Nobody We Know"));
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        assertEquals(3, gdapRequests().size(), "max-attempts is 3");
        assertTrue(tookMs >= 2_000 && tookMs < 5_000, "two waits of 1 s, took " + tookMs + " ms");
    }

    @Test
    void aRetryAfterBeyondTheCapIsPassedOnInsteadOfWaitedAndRememberedForLaterMisses() {
        gdapAnswers(aResponse().withStatus(503).withHeader("Retry-After", "120"));

        portal("Nobody We Know").statusCode(503).header("Retry-After", "120");
        int retryAfter = Integer.parseInt(as(TestTokens.alphaReader()).get("/tenants/{name}/portal", "Somebody Else")
                .then().statusCode(503).extract().header("Retry-After"));
        assertTrue(retryAfter > 110 && retryAfter <= 120, "what is left of Graph's 120 s: " + retryAfter);
        assertEquals(1, gdapRequests().size());
    }

    @Test
    void aFailedRefreshIsRememberedForTheMinimumIntervalWithoutNewAttemptsOrReports() {
        gdapAnswers(aResponse().withStatus(500));

        unavailable(portal("Nobody We Know"));
        for (String name : List.of("Somebody Else", "A Third Name", "Nobody We Know")) {
            int retryAfter = Integer.parseInt(as(TestTokens.alphaReader()).get("/tenants/{name}/portal", name)
                    .then().statusCode(503).body("type", equalTo("urn:tenant-portal:problem:directory-unavailable"))
                    .extract().header("Retry-After"));
            assertTrue(retryAfter > 50 && retryAfter <= 60, "the rest of refresh-min-interval: " + retryAfter);
        }

        assertEquals(1, gdapRequests().size());
        as(TestTokens.alphaAdmin()).get("/sync").then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].trigger", equalTo("miss"))
                .body("[0].error", equalTo("Graph list-gdap answered 500"))
                .body("[0].repeated", equalTo(0));
    }

    @Test
    void listsRefusedByGraphAreRememberedAsRefusedForTheMinimumInterval() {
        gdapAnswers(aResponse().withStatus(403));
        GraphWireMock.server().stubFor(get(urlPathEqualTo(GraphWireMock.CONTRACTS_PATH))
                .willReturn(aResponse().withStatus(403)));

        for (String name : List.of("Nobody We Know", "Somebody Else", "A Third Name")) {
            portal(name).statusCode(404).body("type", equalTo("urn:tenant-portal:problem:customer-not-found"));
        }

        assertEquals(1, gdapRequests().size());
        as(TestTokens.alphaAdmin()).get("/sync").then().body("size()", equalTo(1))
                .body("[0].forbidden", contains("gdap", "contracts"));
    }

    @Test
    void repeatedFailuresOfSyncsFoldIntoOneReportUntilASyncSucceeds() {
        gdapAnswers(aResponse().withStatus(504));
        // Two, not three: a third failed call in a row would open the circuit (another error).
        for (int i = 0; i < 2; i++) {
            as(TestTokens.alphaAdmin()).post("/sync").then().statusCode(503);
        }
        as(TestTokens.alphaAdmin()).get("/sync").then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].outcome", equalTo("failed"))
                .body("[0].error", equalTo("Graph list-gdap answered 504 3 time(s)"))
                .body("[0].repeated", equalTo(1))
                .body("[0].lastRepeatedAt", notNullValue());

        gdapAnswers(okJson(page(List.of(), null)));
        as(TestTokens.alphaAdmin()).post("/sync").then().statusCode(200);
        gdapAnswers(aResponse().withStatus(504));
        as(TestTokens.alphaAdmin()).post("/sync").then().statusCode(503);
        as(TestTokens.alphaAdmin()).get("/sync").then()
                .body("outcome", contains("failed", "succeeded", "failed"))
                .body("repeated", contains(0, 0, 1));
    }

    @Test
    void aSuccessfulSyncEndsTheRememberedFailure() {
        gdapAnswers(aResponse().withStatus(500));
        unavailable(portal("Nobody We Know"));
        gdapAnswers(okJson(page(List.of(gdap(LITWARE, "Litware Inc")), null)));

        as(TestTokens.alphaAdmin()).post("/sync").then().statusCode(200);
        portal("Litware Inc").statusCode(302).header("Location", "https://security.microsoft.com/?tid=" + LITWARE);
        portal("Somebody Else").statusCode(404);
        assertEquals(2, gdapRequests().size());
    }

    @Test
    void failingGraphOpensTheCircuitKnownNamesStillRedirectAndGraphHealing() throws InterruptedException {
        createCustomer(TestTokens.ALPHA, KNOWN, "Known Customer");
        GraphWireMock.server().stubFor(get(urlPathMatching(GraphWireMock.FIND_TENANT_PREFIX + ".*"))
                .willReturn(aResponse().withStatus(500)));

        for (int i = 1; i <= 3; i++) {
            unavailable(portal("unknown-" + i + ".example"));
            assertEquals(i, domainLookups(), "a 500 is not retried");
        }
        unavailable(portal("unknown-4.example"));
        unavailable(portal("unknown-5.example"));
        assertEquals(3, domainLookups(), "the open circuit keeps Graph out of it");
        assertEquals(0, gdapRequests().size());

        portal("Known Customer").statusCode(302).header("Location", "https://security.microsoft.com/?tid=" + KNOWN);
        given().get("/q/health/ready").then().statusCode(200);

        gdapAnswers(okJson(page(List.of(gdap(LITWARE, "Litware Inc")), null)));
        Thread.sleep(4_100);
        portal("Litware Inc").statusCode(302).header("Location", "https://security.microsoft.com/?tid=" + LITWARE);
        as(TestTokens.alphaReader()).get("/tenants/{name}/portal", "Known Custmer").then().statusCode(404)
                .body("suggestions", contains("Known Customer"));
        assertEquals(1, gdapRequests().size(), "one trial call closed the circuit; the list is fresh for 60 s");
    }

    @Test
    void hangingGraphTimesOutAndOpensTheCircuit() {
        createCustomer(TestTokens.ALPHA, KNOWN, "Known Customer");
        GraphWireMock.server().stubFor(get(urlPathMatching(GraphWireMock.FIND_TENANT_PREFIX + ".*"))
                .willReturn(aResponse().withStatus(404).withFixedDelay(3_000)));

        for (int i = 1; i <= 3; i++) {
            long started = System.nanoTime();
            unavailable(portal("unknown-" + i + ".example"));
            long tookMs = (System.nanoTime() - started) / 1_000_000;
            assertTrue(tookMs < 2_900, "read timeout is 1 s, Graph answers after 3 s; took " + tookMs + " ms");
        }
        long started = System.nanoTime();
        unavailable(portal("unknown-4.example"));
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertTrue(tookMs < 1_500, "an open circuit answers at once, not after Graph's 3 s; took " + tookMs + " ms");
        assertEquals(3, domainLookups());
        portal("Known Customer").statusCode(302);
    }

    @Test
    void aSyncAgainstAFailingGraphStoresAFailedReport() {
        gdapAnswers(aResponse().withStatus(504));

        as(TestTokens.alphaAdmin()).post("/sync").then().statusCode(503)
                .body("type", equalTo("urn:tenant-portal:problem:directory-unavailable"));
        as(TestTokens.alphaAdmin()).get("/sync").then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].outcome", equalTo("failed"))
                .body("[0].error", equalTo("Graph list-gdap answered 504 3 time(s)"))
                .body("[0].added", equalTo(0));
        assertEquals(3, gdapRequests().size());
    }
}
