package io.tenantportal.directory;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.tenantportal.support.GraphWireMock.CONTRACTS_PATH;
import static io.tenantportal.support.GraphWireMock.FIND_TENANT_PREFIX;
import static io.tenantportal.support.GraphWireMock.GDAP_PATH;
import static io.tenantportal.support.GraphWireMock.gdap;
import static io.tenantportal.support.GraphWireMock.page;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.tenantportal.support.ApiTest;
import io.tenantportal.support.GraphWireMock;
import io.tenantportal.support.TestTokens;

@QuarkusTest
class LookupOnMissTest extends ApiTest {

    static final String LITWARE = "c3000000-0000-4000-8000-000000000001";
    static final String PROSEWARE = "c3000000-0000-4000-8000-000000000002";
    static final String STRANGER = "c3000000-0000-4000-8000-000000000003";
    static final String FIND_PROSEWARE = FIND_TENANT_PREFIX + "(domainName='proseware.com')";

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Inject
    DataSource dataSource;

    static int requestsTo(String path) {
        return GraphWireMock.server().findAll(getRequestedFor(urlPathEqualTo(path))).size();
    }

    static int domainLookups() {
        return GraphWireMock.server().findAll(getRequestedFor(urlPathMatching(FIND_TENANT_PREFIX + ".*"))).size();
    }

    static void tenantOfDomain(String url, String tenantId) {
        GraphWireMock.server().stubFor(get(urlEqualTo(url)).willReturn(okJson("{\"tenantId\":\"" + tenantId
                + "\",\"displayName\":\"Its own name\",\"defaultDomainName\":\"x.example\"}")));
    }

    @Test
    void aNameGraphListsIsLearnedAndRedirects() {
        GraphWireMock.server().stubFor(get(urlPathEqualTo(GDAP_PATH))
                .willReturn(okJson(page(List.of(gdap(LITWARE, "Litware Inc")), null))));

        as(TestTokens.alphaReader()).get("/tenants/{name}/portal", "litware").then().statusCode(302)
                .header("Location", "https://security.microsoft.com/?tid=" + LITWARE);
        as(TestTokens.alphaReader()).get("/tenants/{id}", LITWARE).then().statusCode(200)
                .body("source", equalTo("graph"))
                .body("verifiedAt", notNullValue());
        as(TestTokens.alphaAdmin()).get("/sync").then().body("[0].trigger", equalTo("miss"));
    }

    @Test
    void concurrentRequestsForOneUnknownNameShareOneRefresh() throws Exception {
        GraphWireMock.server().stubFor(get(urlPathEqualTo(GDAP_PATH))
                .willReturn(okJson(page(List.of(gdap(LITWARE, "Litware Inc")), null)).withFixedDelay(500)));
        String token = TestTokens.alphaReader();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<CompletableFuture<HttpResponse<Void>>> responses = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/tenants/Litware%20Inc/portal"))
                        .header("Authorization", "Bearer " + token).GET().build();
                responses.add(CompletableFuture.supplyAsync(() -> send(client, request), pool));
            }
            for (CompletableFuture<HttpResponse<Void>> response : responses) {
                HttpResponse<Void> answer = response.get();
                assertEquals(302, answer.statusCode());
                assertEquals("https://security.microsoft.com/?tid=" + LITWARE,
                        answer.headers().firstValue("Location").orElse(null));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, requestsTo(GDAP_PATH));
        assertEquals(1, requestsTo(CONTRACTS_PATH));
        assertEquals(1, GraphWireMock.server().findAll(postRequestedFor(urlPathEqualTo(GraphWireMock.TOKEN_PATH))).size());
    }

    private static HttpResponse<Void> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aDomainOfACustomerIsLookedUpAndRemembered() {
        GraphWireMock.server().stubFor(get(urlPathEqualTo(GDAP_PATH))
                .willReturn(okJson(page(List.of(gdap(PROSEWARE, "Proseware")), null))));
        tenantOfDomain(FIND_PROSEWARE, PROSEWARE);

        as(TestTokens.alphaReader()).get("/tenants/{name}/portal", "Proseware.com").then().statusCode(302)
                .header("Location", "https://security.microsoft.com/?tid=" + PROSEWARE);

        as(TestTokens.alphaReader()).get("/tenants/{id}", PROSEWARE).then().statusCode(200)
                .body("displayName", equalTo("Proseware"))
                .body("domains", contains("proseware.com"))
                .body("source", equalTo("graph"))
                .body("verifiedAt", notNullValue());
        as(TestTokens.alphaReader()).get("/tenants/{name}/portal", "proseware.com").then().statusCode(302);
        assertEquals(1, domainLookups());
        assertEquals(1, requestsTo(GDAP_PATH));
    }

    @Test
    void aManualCustomersDomainCostsNoGraphCallAndNoWriteAfterTheFirstTime() throws Exception {
        createCustomer(TestTokens.ALPHA, PROSEWARE, "Proseware Typed By Hand");
        tenantOfDomain(FIND_PROSEWARE, PROSEWARE);
        String token = TestTokens.alphaReader();

        as(token).get("/tenants/{name}/portal", "proseware.com").then().statusCode(302)
                .header("Location", "https://security.microsoft.com/?tid=" + PROSEWARE);
        assertEquals(1, domainLookups());
        // changes only: the access log writes its own entries once a second, whatever this test does
        long audit = database.count("SELECT count(*) FROM audit_event WHERE kind = 'change'");
        long names = database.count("SELECT count(*) FROM customer_name");
        long alpha = database.count("SELECT id FROM mssp WHERE mssp_key = 'alpha'");

        // Another session holds the MSSP's mapping write lock: a request that wanted to write would wait for it.
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (Connection other = dataSource.getConnection(); Statement statement = other.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + 0x7470_0001 + ", " + alpha + ")");
            for (int i = 0; i < 3; i++) {
                HttpResponse<Void> answer = client.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/tenants/proseware.com/portal"))
                        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                assertEquals(302, answer.statusCode());
                assertEquals("https://security.microsoft.com/?tid=" + PROSEWARE,
                        answer.headers().firstValue("Location").orElse(null));
            }
            statement.execute("SELECT pg_advisory_unlock_all()");
        }

        assertEquals(1, domainLookups(), "the domain's tenant is remembered");
        assertEquals(0, requestsTo(GDAP_PATH), "the tenant is a local customer: no list refresh either");
        assertEquals(audit, database.count("SELECT count(*) FROM audit_event WHERE kind = 'change'"));
        assertEquals(names, database.count("SELECT count(*) FROM customer_name"));
        as(token).get("/tenants/{id}", PROSEWARE).then().statusCode(200)
                .body("source", equalTo("manual"))
                .body("domains", empty())
                .body("verifiedAt", nullValue());
    }

    @Test
    void aDomainOfATenantThatIsNoCustomerIsNotFoundAndNotStored() {
        tenantOfDomain(FIND_PROSEWARE, STRANGER);

        for (int i = 0; i < 3; i++) {
            as(TestTokens.alphaReader()).get("/tenants/{name}/portal", "proseware.com").then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:tenant-portal:problem:customer-not-found"));
        }
        assertEquals(0, database.count("SELECT count(*) FROM customer"));
        assertEquals(0, database.count("SELECT count(*) FROM customer_name"));
        assertEquals(1, domainLookups(), "an unknown domain is remembered as unknown");
        assertEquals(1, requestsTo(GDAP_PATH), "the list was refreshed once to be sure");
    }

    @ParameterizedTest
    @ValueSource(strings = { "contoso.com')", "contoso.com'", "x') or (domainName='contoso.com",
            "contoso.com)/delegatedAdminCustomers", "a'.com" })
    void quotesAndParenthesesNeverReachTheODataLiteral(String name) {
        as(TestTokens.alphaReader()).get("/tenants/{name}/portal", name).then().statusCode(404);
        assertEquals(0, domainLookups());
    }

    @Test
    void aValidDomainReachesGraphQuotedAsAnODataLiteral() {
        as(TestTokens.alphaReader()).get("/tenants/{name}/portal", "Unknown-Domain.EXAMPLE.").then().statusCode(404);
        GraphWireMock.server().verify(1, getRequestedFor(urlEqualTo(
                FIND_TENANT_PREFIX + "(domainName='unknown-domain.example')")));
    }

    @Test
    void anMsspWithoutGraphGetsPlainNotFoundWithSuggestionsAndGraphIsNotAsked() {
        createCustomer(TestTokens.BETA, LITWARE, "Litware Inc");

        as(TestTokens.betaAdmin()).get("/tenants/{name}/portal", "Litwar").then().statusCode(404)
                .body("suggestions", hasItem("Litware Inc"));
        as(TestTokens.betaAdmin()).get("/tenants/{name}/portal", "litware.example").then().statusCode(404);
        GraphWireMock.server().verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void anUnknownNameIsRememberedSoAFloodCostsGraphNothing() {
        for (int i = 0; i < 20; i++) {
            as(TestTokens.alphaReader()).get("/tenants/{name}/portal", "Nobody We Know").then().statusCode(404);
        }
        assertEquals(1, requestsTo(GDAP_PATH));
    }
}
