package io.tenantportal.directory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.tenantportal.support.GraphWireMock.GDAP_PATH;
import static io.tenantportal.support.GraphWireMock.gdap;
import static io.tenantportal.support.GraphWireMock.page;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tenantportal.support.ApiTest;
import io.tenantportal.support.GraphWireMock;
import io.tenantportal.support.TestTokens;

/**
 * Graph customers' initial domains, read in each customer's own tenant during the sync: a token of the
 * MSSP's app for that tenant, then GET /v1.0/domains and the entry with isInitial. Refusals are
 * remembered; throttling is retried; an admin's initial domain is never overwritten.
 */
@QuarkusTest
class InitialDomainSyncTest extends ApiTest {

    static final String CONTOSO = "b1000000-0000-4000-8000-000000000001";
    static final String FABRIKAM = "b1000000-0000-4000-8000-000000000002";
    static final String DOMAINS_PATH = "/v1.0/domains";

    @Inject
    EntityManager entityManager;

    static ValidatableResponse sync() {
        return as(TestTokens.alphaAdmin()).post("/sync").then().statusCode(200);
    }

    static String tokenPath(String tenantId) {
        return "/login/" + tenantId + "/oauth2/v2.0/token";
    }

    static String tokenOf(String tenantId) {
        return "token-in-" + tenantId;
    }

    /** The MSSP's app is consented in the customer's tenant: Entra ID issues a token there. */
    static void consented(String tenantId) {
        GraphWireMock.server().stubFor(post(urlPathEqualTo(tokenPath(tenantId))).willReturn(okJson(
                "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\"" + tokenOf(tenantId) + "\"}")));
    }

    static void domainsOf(String tenantId, String json) {
        GraphWireMock.server().stubFor(get(urlPathEqualTo(DOMAINS_PATH))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + tokenOf(tenantId)))
                .willReturn(okJson(json)));
    }

    static String domains(String... entries) {
        return "{\"value\":[" + String.join(",", entries) + "]}";
    }

    static String domain(String id, boolean initial) {
        return "{\"id\":\"" + id + "\",\"isInitial\":" + initial + ",\"isVerified\":true}";
    }

    static int tokenRequests(String tenantId) {
        return GraphWireMock.server().findAll(postRequestedFor(urlPathEqualTo(tokenPath(tenantId)))).size();
    }

    static int domainRequests() {
        return GraphWireMock.server().findAll(getRequestedFor(urlPathEqualTo(DOMAINS_PATH))).size();
    }

    static void gdapLists(String... customers) {
        GraphWireMock.server().stubFor(get(urlPathEqualTo(GDAP_PATH)).willReturn(okJson(page(List.of(customers), null))));
    }

    private long remembered() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM initial_domain_lookup").getSingleResult()).longValue());
    }

    @Test
    void theInitialDomainIsReadInTheCustomersTenantAndOpensExchange() {
        gdapLists(gdap(CONTOSO, "Contoso Ltd"));
        consented(CONTOSO);
        domainsOf(CONTOSO, domains(domain("contoso.com", false), domain("Contoso.onmicrosoft.com", true)));

        sync();

        as(TestTokens.alphaReader()).get("/tenants/{name}", "Contoso Ltd").then().statusCode(200)
                .body("initialDomain", equalTo("contoso.onmicrosoft.com"))
                .body("source", equalTo("graph"));
        as(TestTokens.alphaReader()).queryParam("portal", "exchange").get("/tenants/{name}/portal", "Contoso Ltd")
                .then().statusCode(302).header("Location", containsString("delegatedOrg=contoso.onmicrosoft.com"));
        as(TestTokens.alphaReader()).get("/tenants/{name}/portal", "contoso.onmicrosoft.com").then().statusCode(302);
        GraphWireMock.server().verify(postRequestedFor(urlPathEqualTo(tokenPath(CONTOSO)))
                .withRequestBody(WireMock.containing("grant_type=client_credentials"))
                .withRequestBody(WireMock.containing("client_id=alpha-graph-app"))
                .withRequestBody(WireMock.containing("scope=https%3A%2F%2Fgraph.microsoft.com%2F.default")));
        GraphWireMock.server().verify(getRequestedFor(urlPathEqualTo(DOMAINS_PATH))
                .withQueryParam("$select", WireMock.equalTo("id,isInitial")));

        sync();
        assertEquals(1, tokenRequests(CONTOSO), "a customer with an initial domain is not asked again");
    }

    @Test
    void aTenantThatRefusesTheAppIsRememberedAndNotAskedOnEverySync() {
        gdapLists(gdap(CONTOSO, "Contoso Ltd"));
        GraphWireMock.server().stubFor(post(urlPathEqualTo(tokenPath(CONTOSO))).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"unauthorized_client\",\"error_description\":\"AADSTS700016: not found\"}")));

        sync();
        sync();

        assertEquals(1, tokenRequests(CONTOSO));
        assertEquals(0, domainRequests());
        assertEquals(1, remembered());
        as(TestTokens.alphaReader()).queryParam("portal", "teams").get("/tenants/{name}/portal", "Contoso Ltd")
                .then().statusCode(409)
                .body("type", equalTo("urn:tenant-portal:problem:initial-domain-missing"))
                .body("detail", containsString("PUT /tenants/{tenantId} (field initialDomain"))
                .body("detail", containsString("POST /import (column initialDomain"));
    }

    @Test
    void anUnreadableRefusalIsARefusalToo() {
        gdapLists(gdap(CONTOSO, "Contoso Ltd"));
        GraphWireMock.server().stubFor(post(urlPathEqualTo(tokenPath(CONTOSO))).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "text/html").withBody("<html>not here</html>")));

        sync().body("outcome", equalTo("succeeded"));

        assertEquals(1, tokenRequests(CONTOSO));
        assertEquals(1, remembered());
    }

    @Test
    void aTenantWithoutDomainReadPermissionIsRemembered() {
        gdapLists(gdap(CONTOSO, "Contoso Ltd"));
        consented(CONTOSO);
        GraphWireMock.server().stubFor(get(urlPathEqualTo(DOMAINS_PATH)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"Authorization_RequestDenied\"}}")));

        sync();
        sync();

        assertEquals(1, domainRequests());
        assertEquals(1, remembered());
        as(TestTokens.alphaReader()).get("/tenants/{name}", "Contoso Ltd").then().body("initialDomain", nullValue());
    }

    @Test
    void throttlingIsWaitedOutAsGraphAsks() {
        gdapLists(gdap(CONTOSO, "Contoso Ltd"));
        consented(CONTOSO);
        var server = GraphWireMock.server();
        server.stubFor(get(urlPathEqualTo(DOMAINS_PATH)).inScenario("throttled").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
                .willSetStateTo("again"));
        server.stubFor(get(urlPathEqualTo(DOMAINS_PATH)).inScenario("throttled").whenScenarioStateIs("again")
                .willReturn(okJson(domains(domain("contoso.onmicrosoft.com", true)))));

        sync();

        assertEquals(2, domainRequests());
        as(TestTokens.alphaReader()).get("/tenants/{name}", "Contoso Ltd").then()
                .body("initialDomain", equalTo("contoso.onmicrosoft.com"));
    }

    @Test
    void throttlingThatLastsLeavesTheRestForTheNextSync() {
        gdapLists(gdap(CONTOSO, "Contoso Ltd"), gdap(FABRIKAM, "Fabrikam Inc"));
        consented(CONTOSO);
        consented(FABRIKAM);
        GraphWireMock.server().stubFor(get(urlPathEqualTo(DOMAINS_PATH))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "100")));

        sync().body("outcome", equalTo("succeeded"));
        assertEquals(1, domainRequests(), "a Retry-After longer than we may wait stops the pass");
        assertEquals(0, remembered(), "throttling is no refusal");

        domainsOf(CONTOSO, domains(domain("contoso.onmicrosoft.com", true)));
        domainsOf(FABRIKAM, domains(domain("fabrikamnet.onmicrosoft.com", true)));
        sync();
        as(TestTokens.alphaReader()).get("/tenants/{name}", "Contoso Ltd").then()
                .body("initialDomain", equalTo("contoso.onmicrosoft.com"));
        as(TestTokens.alphaReader()).queryParam("portal", "sharepoint").get("/tenants/{name}/portal", "Fabrikam Inc")
                .then().statusCode(302).header("Location", "https://fabrikamnet-admin.sharepoint.com/");
    }

    @Test
    void anInitialDomainAnAdminSetIsNeverOverwrittenNorLookedUp() {
        gdapLists(gdap(CONTOSO, "Contoso Ltd"));
        GraphWireMock.server().stubFor(post(urlPathEqualTo(tokenPath(CONTOSO))).willReturn(aResponse().withStatus(400)));
        sync();
        as(TestTokens.alphaAdmin()).contentType(ContentType.JSON)
                .body("{\"displayName\": \"Contoso Ltd\", \"initialDomain\": \"contosoadmin.onmicrosoft.com\", "
                        + "\"source\": \"graph\"}")
                .put("/tenants/{id}", CONTOSO).then().statusCode(200).body("source", equalTo("graph"));
        consented(CONTOSO);
        domainsOf(CONTOSO, domains(domain("contoso.onmicrosoft.com", true)));
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("DELETE FROM initial_domain_lookup").executeUpdate());

        sync();

        assertEquals(1, tokenRequests(CONTOSO));
        as(TestTokens.alphaReader()).get("/tenants/{name}", "Contoso Ltd").then()
                .body("initialDomain", equalTo("contosoadmin.onmicrosoft.com")).body("source", equalTo("graph"));
    }

    @Test
    void anImportFillsInitialDomainsOfGraphCustomersInBulkAndTheyStaySynced() {
        gdapLists(gdap(CONTOSO, "Contoso Ltd"), gdap(FABRIKAM, "Fabrikam Inc"));
        sync();
        String admin = TestTokens.alphaAdmin();
        String exported = new String(as(admin).accept("text/csv").get("/export").then().statusCode(200)
                .extract().asByteArray(), StandardCharsets.UTF_8);
        // the admin fills the initialDomain column of the export and imports it again
        String filled = exported.replace(CONTOSO + ",Contoso Ltd,,,", CONTOSO + ",Contoso Ltd,,contoso.onmicrosoft.com,")
                .replace(FABRIKAM + ",Fabrikam Inc,,,", FABRIKAM + ",Fabrikam Inc,,fabrikam.onmicrosoft.com,");
        as(admin).contentType("text/csv; charset=UTF-8").body(filled.getBytes(StandardCharsets.UTF_8))
                .post("/import").then().statusCode(200)
                .body("counts.updated", equalTo(2))
                .body("rows[0].reason", equalTo("changes initialDomain"));

        for (String name : List.of("Contoso Ltd", "Fabrikam Inc")) {
            as(TestTokens.alphaReader()).get("/tenants/{name}", name).then().body("source", equalTo("graph"));
        }
        as(TestTokens.alphaReader()).queryParam("portal", "exchange").get("/tenants/{name}/portal", "Fabrikam Inc")
                .then().statusCode(302).header("Location", containsString("delegatedOrg=fabrikam.onmicrosoft.com"));
        // the sync still manages them: a rename in Graph reaches them
        gdapLists(gdap(CONTOSO, "Contoso Group"), gdap(FABRIKAM, "Fabrikam Inc"));
        sync().body("updated", equalTo(1));
        as(TestTokens.alphaReader()).get("/tenants/{name}", CONTOSO).then().body("displayName", equalTo("Contoso Group"))
                .body("initialDomain", equalTo("contoso.onmicrosoft.com"));
    }
}
