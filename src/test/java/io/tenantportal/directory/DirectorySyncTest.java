package io.tenantportal.directory;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.tenantportal.support.GraphWireMock.CONTRACTS_PATH;
import static io.tenantportal.support.GraphWireMock.GDAP_PATH;
import static io.tenantportal.support.GraphWireMock.TOKEN_PATH;
import static io.tenantportal.support.GraphWireMock.contract;
import static io.tenantportal.support.GraphWireMock.gdap;
import static io.tenantportal.support.GraphWireMock.page;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;


import com.github.tomakehurst.wiremock.client.WireMock;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.tenantportal.support.ApiTest;
import io.tenantportal.support.GraphWireMock;
import io.tenantportal.support.TestTokens;

@QuarkusTest
class DirectorySyncTest extends ApiTest {

    static final String CONTOSO = "a1000000-0000-4000-8000-000000000001";
    static final String FABRIKAM = "a1000000-0000-4000-8000-000000000002";
    static final String LITWARE = "a1000000-0000-4000-8000-000000000003";
    static final String PROSEWARE = "a1000000-0000-4000-8000-000000000004";
    static final String WINGTIP = "a1000000-0000-4000-8000-000000000005";
    static final String MANUAL = "a1000000-0000-4000-8000-000000000006";

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry metrics;

    @Inject
    SyncScheduler scheduler;

    @Inject
    io.quarkus.scheduler.Scheduler jobs;

    static ValidatableResponse sync() {
        return as(TestTokens.alphaAdmin()).post("/sync").then();
    }

    static ValidatableResponse dryRun() {
        return as(TestTokens.alphaAdmin()).queryParam("dryRun", "true").post("/sync").then();
    }

    static void graphLists(String... gdapCustomers) {
        GraphWireMock.server().stubFor(get(urlPathEqualTo(GDAP_PATH)).willReturn(okJson(page(List.of(gdapCustomers), null))));
    }


    static int gdapRequests() {
        return GraphWireMock.server().findAll(getRequestedFor(urlPathEqualTo(GDAP_PATH))).size();
    }

    static int tokenRequests() {
        return GraphWireMock.server().findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH))).size();
    }

    @Test
    void pagingFollowsNextLinkAcrossThreePagesWithOneToken() {
        double gdapCallsBefore = metrics.counter("tenantportal.graph.calls", "operation", "list-gdap", "status", "200")
                .count();
        double syncsBefore = metrics.counter("tenantportal.sync.runs", "trigger", "manual", "outcome", "succeeded",
                "dry_run", "false").count();
        String next = GraphWireMock.baseUrl() + GDAP_PATH + "?$skiptoken=";
        var server = GraphWireMock.server();
        server.stubFor(get(urlPathEqualTo(GDAP_PATH)).withQueryParam("$top", WireMock.equalTo("300"))
                .withQueryParam("$skiptoken", absent())
                .willReturn(okJson(page(List.of(gdap(CONTOSO, "Contoso Ltd"), gdap(FABRIKAM, "Fabrikam Inc")),
                        next + "p2"))));
        server.stubFor(get(urlPathEqualTo(GDAP_PATH)).withQueryParam("$skiptoken", WireMock.equalTo("p2"))
                .willReturn(okJson(page(List.of(gdap(LITWARE, "Litware Inc"), gdap(PROSEWARE, "Proseware")),
                        next + "p3"))));
        server.stubFor(get(urlPathEqualTo(GDAP_PATH)).withQueryParam("$skiptoken", WireMock.equalTo("p3"))
                .willReturn(okJson(page(List.of(gdap(WINGTIP, "Wingtip Toys")), null))));

        sync().statusCode(200)
                .body("trigger", equalTo("manual"))
                .body("dryRun", equalTo(false))
                .body("outcome", equalTo("succeeded"))
                .body("added", equalTo(5))
                .body("updated", equalTo(0))
                .body("gone", equalTo(0))
                .body("unchanged", equalTo(0))
                .body("skipped", equalTo(0))
                .body("pagesRead", equalTo(4))
                .body("sources", contains("gdap", "contracts"))
                .body("forbidden", empty())
                .body("error", nullValue());
        sync().statusCode(200).body("added", equalTo(0)).body("unchanged", equalTo(5));

        assertEquals(6, gdapRequests());
        assertEquals(1, tokenRequests());
        server.verify(postRequestedFor(urlPathEqualTo(TOKEN_PATH))
                .withRequestBody(containing("grant_type=client_credentials"))
                .withRequestBody(containing("client_id=alpha-graph-app"))
                .withRequestBody(containing("scope=https%3A%2F%2Fgraph.microsoft.com%2F.default")));
        server.verify(6, getRequestedFor(urlPathEqualTo(GDAP_PATH))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + GraphWireMock.ACCESS_TOKEN)));
        as(TestTokens.alphaReader()).get("/tenants/{name}", "Wingtip Toys").then().statusCode(200)
                .body("tenantId", equalTo(WINGTIP))
                .body("source", equalTo("graph"))
                .body("verifiedAt", notNullValue())
                .body("goneFromDirectoryAt", nullValue());
        assertEquals(6.0, metrics.counter("tenantportal.graph.calls", "operation", "list-gdap", "status", "200").count()
                - gdapCallsBefore);
        assertEquals(2.0, metrics.counter("tenantportal.sync.runs", "trigger", "manual", "outcome", "succeeded",
                "dry_run", "false").count() - syncsBefore);
    }

    @Test
    void customerDeletedByAnAdminStaysDeletedWhileGraphListsIt() {
        graphLists(gdap(CONTOSO, "Contoso Ltd"), gdap(FABRIKAM, "Fabrikam Inc"));
        sync().statusCode(200).body("added", equalTo(2));
        as(TestTokens.alphaAdmin()).delete("/tenants/{id}", CONTOSO).then().statusCode(204);

        sync().statusCode(200).body("added", equalTo(0)).body("unchanged", equalTo(2)).body("skipped", equalTo(1));
        as(TestTokens.alphaReader()).get("/tenants/{name}", CONTOSO).then().statusCode(404);
        assertEquals(1, database.count("SELECT count(*) FROM customer WHERE tenant_id = '" + CONTOSO + "'"));

        // An admin's PUT brings it back; later syncs leave that manual mapping alone.
        putCustomer(TestTokens.ALPHA, CONTOSO, "Contoso Ltd", null, null, List.of(), List.of()).then().statusCode(201);
        sync().statusCode(200).body("skipped", equalTo(0));
        as(TestTokens.alphaReader()).get("/tenants/{name}", CONTOSO).then().statusCode(200)
                .body("source", equalTo("manual"));
    }

    @Test
    void tokenIsRequestedAgainOnlyAfterItExpires() throws InterruptedException {
        GraphWireMock.server().stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(GraphWireMock.token(2)));
        sync().statusCode(200);
        sync().statusCode(200);
        assertEquals(1, tokenRequests());
        Thread.sleep(2_100);
        sync().statusCode(200);
        assertEquals(2, tokenRequests());
    }

    @Test
    void contractsAddDomainsAndCustomersTheGdapListLacks() {
        graphLists(gdap(CONTOSO, "Contoso Ltd"));
        GraphWireMock.server().stubFor(get(urlPathEqualTo(CONTRACTS_PATH)).willReturn(okJson(page(List.of(
                contract(CONTOSO, "Contoso (contract name)", "contoso.com"),
                contract(FABRIKAM, "Fabrikam Inc", "fabrikam.onmicrosoft.com")), null))));

        sync().statusCode(200).body("added", equalTo(2)).body("updated", equalTo(0));

        as(TestTokens.alphaReader()).get("/tenants/{name}", "contoso.com").then().statusCode(200)
                .body("tenantId", equalTo(CONTOSO))
                .body("displayName", equalTo("Contoso Ltd"))
                .body("defaultDomain", equalTo("contoso.com"))
                .body("aliases", empty());
        as(TestTokens.alphaReader()).get("/tenants/{name}", "Fabrikam").then().statusCode(200)
                .body("tenantId", equalTo(FABRIKAM))
                .body("initialDomain", equalTo("fabrikam.onmicrosoft.com"));
    }

    @Test
    void renamedCustomerAnswersToItsOldAndNewName() {
        graphLists(gdap(CONTOSO, "Contoso Ltd"));
        sync().statusCode(200).body("added", equalTo(1));
        graphLists(gdap(CONTOSO, "Contoso Group"));
        sync().statusCode(200).body("added", equalTo(0)).body("updated", equalTo(1));

        for (String name : List.of("Contoso Ltd", "Contoso Group")) {
            as(TestTokens.alphaReader()).get("/tenants/{name}/portal", name).then().statusCode(302)
                    .header("Location", "https://security.microsoft.com/?tid=" + CONTOSO);
        }
        as(TestTokens.alphaReader()).get("/tenants/{id}", CONTOSO).then().statusCode(200)
                .body("displayName", equalTo("Contoso Group"))
                .body("aliases", contains("Contoso Ltd"));
    }

    @Test
    void customerGoneFromGraphIsMarkedAndManualMappingsAreUntouched() {
        createCustomer(TestTokens.ALPHA, MANUAL, "Typed By Hand", "manual-alias");
        graphLists(gdap(MANUAL, "Graph Calls It Otherwise"), gdap(CONTOSO, "Contoso Ltd"), gdap(FABRIKAM, "Fabrikam"));
        sync().statusCode(200).body("added", equalTo(2)).body("unchanged", equalTo(1));

        graphLists(gdap(CONTOSO, "Contoso Ltd"));
        sync().statusCode(200).body("gone", equalTo(1)).body("unchanged", equalTo(1)).body("added", equalTo(0));

        as(TestTokens.alphaReader()).get("/tenants/{name}", "Fabrikam").then().statusCode(200)
                .body("tenantId", equalTo(FABRIKAM))
                .body("source", equalTo("graph"))
                .body("goneFromDirectoryAt", notNullValue());
        as(TestTokens.alphaReader()).get("/tenants/{id}", MANUAL).then().statusCode(200)
                .body("displayName", equalTo("Typed By Hand"))
                .body("aliases", contains("manual-alias"))
                .body("source", equalTo("manual"))
                .body("verifiedAt", nullValue())
                .body("goneFromDirectoryAt", nullValue());
        as(TestTokens.alphaReader()).get("/tenants/{name}", "Graph Calls It Otherwise").then().statusCode(404);

        graphLists(gdap(CONTOSO, "Contoso Ltd"), gdap(FABRIKAM, "Fabrikam"));
        sync().statusCode(200).body("updated", equalTo(1)).body("gone", equalTo(0));
        as(TestTokens.alphaReader()).get("/tenants/{id}", FABRIKAM).then().body("goneFromDirectoryAt", nullValue());
    }

    @Test
    void dryRunReportsWhatWouldChangeAndChangesNothing() {
        graphLists(gdap(CONTOSO, "Contoso Ltd"), gdap(FABRIKAM, "Fabrikam"));
        sync().statusCode(200).body("added", equalTo(2));
        String before = as(TestTokens.alphaReader()).get("/tenants").then().statusCode(200).extract().asString();
        long names = database.count("SELECT count(*) FROM customer_name");
        long audit = database.count("SELECT count(*) FROM audit_event");

        graphLists(gdap(CONTOSO, "Contoso Group"), gdap(LITWARE, "Litware Inc"));
        dryRun().statusCode(200)
                .body("dryRun", equalTo(true))
                .body("added", equalTo(1))
                .body("updated", equalTo(1))
                .body("gone", equalTo(1))
                .body("unchanged", equalTo(0));

        assertEquals(before, as(TestTokens.alphaReader()).get("/tenants").then().extract().asString());
        assertEquals(names, database.count("SELECT count(*) FROM customer_name"));
        assertEquals(audit, database.count("SELECT count(*) FROM audit_event"));
        sync().statusCode(200).body("dryRun", equalTo(false)).body("added", equalTo(1)).body("updated", equalTo(1))
                .body("gone", equalTo(1));
    }

    @Test
    void syncNeverTakesANameOfAnotherCustomer() {
        createCustomer(TestTokens.ALPHA, MANUAL, "Fabrikam Manual", "Fabrikam");
        graphLists(gdap(FABRIKAM, "Fabrikam"));
        sync().statusCode(200).body("added", equalTo(1)).body("skipped", equalTo(1));

        as(TestTokens.alphaReader()).get("/tenants/{name}", "Fabrikam").then().statusCode(200)
                .body("tenantId", equalTo(MANUAL));
        as(TestTokens.alphaReader()).get("/tenants/{id}", FABRIKAM).then().statusCode(200)
                .body("displayName", equalTo("Fabrikam"))
                .body("source", equalTo("graph"));
    }

    @Test
    void aForbiddenListIsReportedAndTheOtherIsUsed() {
        GraphWireMock.server().stubFor(get(urlPathEqualTo(GDAP_PATH)).willReturn(aResponse().withStatus(403)));
        GraphWireMock.server().stubFor(get(urlPathEqualTo(CONTRACTS_PATH))
                .willReturn(okJson(page(List.of(contract(CONTOSO, "Contoso Ltd", "contoso.com")), null))));
        sync().statusCode(200).body("sources", contains("contracts")).body("forbidden", contains("gdap"))
                .body("added", equalTo(1));

        GraphWireMock.server().stubFor(get(urlPathEqualTo(CONTRACTS_PATH)).willReturn(aResponse().withStatus(403)));
        sync().statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tenant-portal:problem:directory-forbidden"));
        as(TestTokens.alphaAdmin()).get("/sync").then().statusCode(200)
                .body("size()", equalTo(2))
                .body("[0].outcome", equalTo("failed"))
                .body("[0].forbidden", contains("gdap", "contracts"))
                .body("[0].error", containsString("403"))
                .body("[1].outcome", equalTo("succeeded"));
    }

    @Test
    void syncIsForAdminsOfAnMsspWithGraph() {
        as(TestTokens.alphaReader()).post("/sync").then().statusCode(403);
        as(TestTokens.alphaReader()).get("/sync").then().statusCode(403);
        as(TestTokens.betaAdmin()).post("/sync").then().statusCode(409)
                .body("type", equalTo("urn:tenant-portal:problem:directory-not-configured"));
        as(TestTokens.alphaAdmin()).queryParam("dryRun", "yes").post("/sync").then().statusCode(400);
        assertEquals(0, GraphWireMock.server().getAllServeEvents().size());
    }

    @Test
    void getSyncListsTheCallersLatestReportsNewestFirst() {
        sync().statusCode(200);
        dryRun().statusCode(200);
        as(TestTokens.alphaAdmin()).get("/sync").then().statusCode(200)
                .body("size()", equalTo(2))
                .body("[0].dryRun", equalTo(true))
                .body("[1].dryRun", equalTo(false))
                .body("[1].trigger", equalTo("manual"));
        as(TestTokens.alphaAdmin()).queryParam("limit", "1").get("/sync").then().body("size()", equalTo(1));
        as(TestTokens.betaAdmin()).get("/sync").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void theScheduledSyncRunsOnItsOwnThreadOutsideAnyRequest() throws InterruptedException {
        graphLists(gdap(CONTOSO, "Contoso Ltd"));
        Thread scheduled = new Thread(scheduler::syncAll);
        scheduled.start();
        scheduled.join(10_000);

        as(TestTokens.alphaAdmin()).get("/sync").then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].trigger", equalTo("schedule"))
                .body("[0].outcome", equalTo("succeeded"))
                .body("[0].added", equalTo(1));
        as(TestTokens.betaAdmin()).get("/sync").then().body("size()", equalTo(0));
    }

    @Test
    void anIntervalOfZeroSchedulesNoSync() {
        assertEquals(null, jobs.getScheduledJob(SyncScheduler.JOB), "%test sets tenantportal.sync.interval=0");
    }

    @Test
    void aSyncRunningElsewhereIsAConflict() throws Exception {
        long alpha = database.count("SELECT id FROM mssp WHERE mssp_key = 'alpha'");
        try (Connection other = dataSource.getConnection(); Statement statement = other.createStatement()) {
            try (ResultSet locked = statement.executeQuery(
                    "SELECT pg_try_advisory_lock(" + 0x7470_0002 + ", " + alpha + ")")) {
                locked.next();
                assertEquals(true, locked.getBoolean(1));
            }
            sync().statusCode(409).body("type", equalTo("urn:tenant-portal:problem:sync-running"));
            statement.execute("SELECT pg_advisory_unlock_all()");
        }
        sync().statusCode(200);
        assertEquals(1, gdapRequests());
    }
}
