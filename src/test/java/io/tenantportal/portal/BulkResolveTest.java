package io.tenantportal.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.tenantportal.support.GraphWireMock.GDAP_PATH;
import static io.tenantportal.support.GraphWireMock.gdap;
import static io.tenantportal.support.GraphWireMock.page;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tenantportal.audit.AccessLog;
import io.tenantportal.support.ApiTest;
import io.tenantportal.support.GraphWireMock;
import io.tenantportal.support.TestTokens;

/** POST /resolve: many names and references, answered in order, sharing one directory refresh. */
@QuarkusTest
class BulkResolveTest extends ApiTest {

    static final String CONTOSO = "2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01";
    static final String CONTOSO_INC = "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9";
    static final String FABRIKAM = "c0ffee00-1234-4abc-8def-0123456789ab";
    static final String LITWARE = "c3000000-0000-4000-8000-000000000001";

    @Inject
    AccessLog accessLog;

    private static ValidatableResponse resolve(String tid, String body) {
        return as(TestTokens.token(tid, TestTokens.READ)).contentType(ContentType.JSON).body(body)
                .post("/resolve").then();
    }

    @Test
    void everyItemGetsWhatItsSingleCallWouldSayInOrder() {
        createCustomer(TestTokens.BETA, CONTOSO, "Contoso Ltd", "contoso.com", null, List.of(), List.of());
        createCustomer(TestTokens.BETA, CONTOSO_INC, "Contoso, Inc.");
        as(TestTokens.betaAdmin()).contentType(ContentType.JSON)
                .body("{\"displayName\":\"Fabrikam\",\"refs\":[{\"system\":\"halopsa\",\"id\":\"12\"}]}")
                .put("/tenants/{id}", FABRIKAM).then().statusCode(201);

        resolve(TestTokens.BETA, """
                {"portal": "entra", "items": [{"name": "contoso.com"}, {"ref": {"system": "halopsa", "id": "12"}},
                  {"name": "Contso Ltd"}, {"name": "Contoso"}, {"name": "  "}, {"ref": {"system": "jira", "id": "1"}},
                  {"ref": {"system": "halopsa", "id": "13"}}, {"name": "x", "ref": {"system": "halopsa", "id": "12"}},
                  {"name": "contoso ltd"}]}""")
                .statusCode(200)
                .body("results", hasSize(9))
                .body("results.status", contains(200, 200, 404, 409, 400, 400, 404, 400, 200))
                .body("results[0].tenantId", equalTo(CONTOSO))
                .body("results[0].displayName", equalTo("Contoso Ltd"))
                .body("results[0].url", equalTo("https://entra.microsoft.com/" + CONTOSO))
                .body("results[1].tenantId", equalTo(FABRIKAM))
                .body("results[2].suggestions", contains("Contoso Ltd"))
                .body("results[3].candidates.tenantId", contains(CONTOSO, CONTOSO_INC))
                .body("results[4].detail", equalTo("name: must not be blank"))
                .body("results[5].detail", equalTo("ref.system: must be connectwise, autotask, halopsa, servicenow, "
                        + "or x- followed by 1-30 of a-z, 0-9 and -"))
                .body("results[6].suggestions", nullValue())
                .body("results[7].detail", equalTo("Give either a name or a ref."))
                .body("results[8].url", equalTo("https://entra.microsoft.com/" + CONTOSO));
    }

    @Test
    void missesOfOneCallShareOneDirectoryRefresh() {
        GraphWireMock.server().stubFor(get(urlPathEqualTo(GDAP_PATH))
                .willReturn(okJson(page(List.of(gdap(LITWARE, "Litware Inc")), null))));
        resolve(TestTokens.ALPHA, """
                {"items": [{"name": "litware"}, {"name": "unknown one"}, {"name": "unknown two"}, {"name": "Litware Inc"}]}""")
                .statusCode(200)
                .body("results.status", contains(200, 404, 404, 200))
                .body("results[0].url", equalTo("https://security.microsoft.com/?tid=" + LITWARE));
        assertEquals(1, GraphWireMock.server().findAll(getRequestedFor(urlPathEqualTo(GDAP_PATH))).size());
    }

    @Test
    void missesWhileTheDirectoryIsDownSayRetryLater() {
        GraphWireMock.server().stubFor(get(urlPathEqualTo(GDAP_PATH)).willReturn(aResponse().withStatus(500)));
        createCustomer(TestTokens.ALPHA, CONTOSO, "Contoso Ltd");
        resolve(TestTokens.ALPHA, "{\"items\": [{\"name\": \"Contoso Ltd\"}, {\"name\": \"litware\"}]}")
                .statusCode(200)
                .body("results.status", contains(200, 503))
                .body("results[1].retryAfter", org.hamcrest.Matchers.greaterThan(0));
    }

    @Test
    void aThousandItemsAreAllowedAndOneMoreIsRefusedWithTheLimit() {
        createCustomer(TestTokens.BETA, CONTOSO, "Contoso Ltd");
        String thousand = IntStream.range(0, 1000).mapToObj(i -> "{\"name\":\"Contoso Ltd\"}").collect(Collectors.joining(","));
        resolve(TestTokens.BETA, "{\"items\": [" + thousand + "]}").statusCode(200).body("results", hasSize(1000));
        resolve(TestTokens.BETA, "{\"items\": [" + thousand + ",{\"name\":\"x\"}]}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("items: must hold at most 1000 items; split larger lists into several calls"))
                .body("errors[0].field", equalTo("items"));
        resolve(TestTokens.BETA, "{\"portal\": \"nope\", \"items\": []}").statusCode(400);
        resolve(TestTokens.BETA, "{}").statusCode(400).body("errors[0].field", equalTo("items"));
    }

    @Test
    void everyItemIsInTheAccessLog() {
        createCustomer(TestTokens.BETA, CONTOSO, "Contoso Ltd");
        resolve(TestTokens.BETA, "{\"items\": [{\"name\": \"Contoso Ltd\"}, {\"name\": \"nobody\"}]}").statusCode(200);
        accessLog.flush();
        as(TestTokens.betaAdmin()).get("/audit?kind=access").then().statusCode(200)
                .body("items.status", contains(404, 200))
                .body("items[0].name", equalTo("nobody"))
                .body("items[1].tenantId", equalTo(CONTOSO));
    }
}
