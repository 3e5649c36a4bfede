package io.tenantportal.directory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.tenantportal.support.GraphWireMock.FIND_TENANT_PREFIX;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.tenantportal.support.ApiTest;
import io.tenantportal.support.GraphWireMock;
import io.tenantportal.support.TestTokens;

/**
 * The circuit to Graph, through what callers see (%test: opens after 3 failed calls in a row, for 4 s).
 * Each unknown domain costs one domain lookup, so distinct domains count calls one by one.
 */
@QuarkusTest
class CircuitBreakerTest extends ApiTest {

    @Inject
    MeterRegistry metrics;

    static String findTenant(String domain) {
        return FIND_TENANT_PREFIX + "(domainName='" + domain + "')";
    }

    static void domainAnswers(String domain, int status) {
        GraphWireMock.server().stubFor(get(urlEqualTo(findTenant(domain))).willReturn(aResponse().withStatus(status)));
    }

    static void graphFailsForEveryDomain() {
        GraphWireMock.server().stubFor(get(urlPathMatching(FIND_TENANT_PREFIX + ".*"))
                .willReturn(aResponse().withStatus(500)));
    }

    static int domainLookups() {
        return GraphWireMock.server().findAll(getRequestedFor(urlPathMatching(FIND_TENANT_PREFIX + ".*"))).size();
    }

    static ValidatableResponse portal(String token, String name) {
        return as(token).get("/tenants/{name}/portal", name).then();
    }

    static void refused(ValidatableResponse response) {
        response.statusCode(503).body("type", equalTo("urn:tenant-portal:problem:directory-unavailable"));
    }

    @Test
    void opensAfterTheThresholdOfFailuresInARowAndAnsweredCallsResetTheCount() {
        graphFailsForEveryDomain();
        domainAnswers("answered.example", 404);
        String reader = TestTokens.alphaReader();
        double opened = metrics.counter("tenantportal.graph.circuit.opened").count();

        refused(portal(reader, "one.example"));
        refused(portal(reader, "two.example"));
        portal(reader, "answered.example").statusCode(404);
        refused(portal(reader, "three.example"));
        refused(portal(reader, "four.example"));
        assertEquals(5, domainLookups(), "a 404 in between is Graph working: still closed");

        refused(portal(reader, "five.example"));
        refused(portal(reader, "six.example"));
        assertEquals(6, domainLookups(), "the third failure in a row opened it");
        assertEquals(1.0, metrics.counter("tenantportal.graph.circuit.opened").count() - opened);
    }

    @Test
    void aForbiddenAnswerIsNoFailure() {
        GraphWireMock.server().stubFor(get(urlPathMatching(FIND_TENANT_PREFIX + ".*"))
                .willReturn(aResponse().withStatus(403)));
        for (String domain : new String[] { "a.example", "b.example", "c.example", "d.example" }) {
            portal(TestTokens.alphaReader(), domain).statusCode(404);
        }
        assertEquals(4, domainLookups());
    }

    @Test
    void oneMsspsFailingGraphLeavesAnotherMsspsCircuitClosed() {
        graphFailsForEveryDomain();
        for (String domain : new String[] { "a.example", "b.example", "c.example" }) {
            refused(portal(TestTokens.alphaReader(), domain));
        }
        refused(portal(TestTokens.alphaReader(), "d.example"));
        assertEquals(3, domainLookups(), "alpha's circuit is open");

        domainAnswers("e.example", 404);
        portal(TestTokens.token(GraphWireMock.GAMMA, TestTokens.READ), "e.example").statusCode(404);
        assertEquals(4, domainLookups(), "gamma still asks Graph");
    }

    @Test
    void anOpenCircuitTellsHowLongItStaysOpenAndAFailedTrialOpensItAgain() throws InterruptedException {
        graphFailsForEveryDomain();
        String reader = TestTokens.alphaReader();
        for (String domain : new String[] { "a.example", "b.example", "c.example" }) {
            refused(portal(reader, domain));
        }
        String retryAfter = as(reader).get("/tenants/{name}/portal", "d.example").then().statusCode(503)
                .extract().header("Retry-After");
        assertTrue(retryAfter.matches("[1-4]"), "open for 4 s, Retry-After " + retryAfter);

        Thread.sleep(4_100);
        refused(portal(reader, "e.example"));
        assertEquals(4, domainLookups(), "one trial call after open-for");
        refused(portal(reader, "f.example"));
        assertEquals(4, domainLookups(), "the failed trial opened it again at once");
    }

    @Test
    void aSuccessfulTrialClosesTheCircuit() throws InterruptedException {
        graphFailsForEveryDomain();
        String reader = TestTokens.alphaReader();
        for (String domain : new String[] { "a.example", "b.example", "c.example" }) {
            refused(portal(reader, domain));
        }
        domainAnswers("e.example", 404);
        domainAnswers("f.example", 404);
        Thread.sleep(4_100);
        portal(reader, "e.example").statusCode(404);
        portal(reader, "f.example").statusCode(404);
        assertEquals(5, domainLookups());
    }
}
