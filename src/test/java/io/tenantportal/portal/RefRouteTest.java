package io.tenantportal.portal;

import static io.tenantportal.support.TestKeys.withKey;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tenantportal.audit.AccessLog;
import io.tenantportal.support.ApiTest;
import io.tenantportal.support.TestKeys;
import io.tenantportal.support.TestTokens;

/** A PSA's ticket link names the customer by the PSA's own id: /refs/{system}/{id}[/portal]. */
@QuarkusTest
class RefRouteTest extends ApiTest {

    static final String CONTOSO = "2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01";
    static final String FABRIKAM = "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9";

    @Inject
    AccessLog accessLog;

    private static void putWithRef(String tid, String tenantId, String displayName, String system, String id) {
        as(TestTokens.token(tid, TestTokens.ADMIN)).contentType(ContentType.JSON)
                .body("{\"displayName\":\"" + displayName + "\",\"initialDomain\":\"contoso.onmicrosoft.com\","
                        + "\"refs\":[{\"system\":\"" + system + "\",\"id\":\"" + id + "\"}]}")
                .put("/tenants/{id}", tenantId).then().statusCode(201);
    }

    @Test
    void aReferenceResolvesToItsCustomerAndPortal() {
        putWithRef(TestTokens.ALPHA, CONTOSO, "Contoso Ltd", "halopsa", "12");
        TestKeys.Issued key = TestKeys.issue(TestTokens.ALPHA, "HaloPSA", "Portal.Read");

        withKey(key.key()).get("/refs/{system}/{id}", "halopsa", "12").then().statusCode(200)
                .body("tenantId", equalTo(CONTOSO)).body("refs[0].id", equalTo("12"));
        withKey(key.key()).get("/refs/{system}/{id}/portal", "HaloPSA", "12").then().statusCode(302)
                .header("Location", "https://security.microsoft.com/?tid=" + CONTOSO)
                .header("Cache-Control", "no-store");
        withKey(key.key()).get("/refs/{system}/{id}/portal?incident=4711", "halopsa", "12").then().statusCode(302)
                .header("Location", "https://security.microsoft.com/incidents/4711?tid=" + CONTOSO);
        withKey(key.key()).accept(ContentType.JSON).get("/refs/{system}/{id}/portal?portal=exchange", "halopsa", "12")
                .then().statusCode(200)
                .body("tenantId", equalTo(CONTOSO))
                .body("portal", equalTo("exchange"))
                .body("url", equalTo("https://admin.exchange.microsoft.com/?landingpage=homepage&form=mac_sidebar"
                        + "&delegatedOrg=contoso.onmicrosoft.com"));
    }

    @Test
    void anUnknownReferenceIsNotFoundWithoutSuggestions() {
        putWithRef(TestTokens.ALPHA, CONTOSO, "Contoso Ltd", "halopsa", "12");
        as(TestTokens.alphaReader()).get("/refs/{system}/{id}", "halopsa", "13").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tenant-portal:problem:reference-not-found"))
                .body("$", not(hasKey("suggestions")));
        as(TestTokens.alphaReader()).get("/refs/{system}/{id}/portal", "connectwise", "12").then().statusCode(404)
                .header("Location", (String) null);
        // ids compare exactly
        as(TestTokens.alphaReader()).get("/refs/{system}/{id}", "halopsa", "012").then().statusCode(404);
    }

    @Test
    void anotherMsspsReferenceIsIndistinguishableFromNone() {
        putWithRef(TestTokens.BETA, FABRIKAM, "Fabrikam", "autotask", "7");
        as(TestTokens.alphaReader()).get("/refs/{system}/{id}/portal", "autotask", "7").then().statusCode(404)
                .body("type", equalTo("urn:tenant-portal:problem:reference-not-found"));
        as(TestTokens.token(TestTokens.BETA, TestTokens.READ)).get("/refs/{system}/{id}/portal", "autotask", "7")
                .then().statusCode(302);
    }

    @Test
    void malformedReferencesAreBadRequests() {
        as(TestTokens.alphaReader()).get("/refs/{system}/{id}", "jira", "1").then().statusCode(400)
                .body("errors[0].field", equalTo("system"));
        as(TestTokens.alphaReader()).get("/refs/{system}/{id}/portal", "halopsa", "x".repeat(10_000)).then()
                .statusCode(400).body("errors[0].field", equalTo("id"));
        as(TestTokens.alphaReader()).urlEncodingEnabled(false).get("/refs/halopsa/a%07b/portal").then().statusCode(400)
                .body("errors[0].field", equalTo("id"));
        as(TestTokens.alphaReader()).get("/refs/{system}/{id}/portal?portal=nope", "halopsa", "12").then().statusCode(400);
    }

    @Test
    void referenceResolvesAreInTheAccessLog() {
        putWithRef(TestTokens.ALPHA, CONTOSO, "Contoso Ltd", "halopsa", "12");
        as(TestTokens.alphaReader()).get("/refs/{system}/{id}/portal", "halopsa", "12").then().statusCode(302);
        as(TestTokens.alphaReader()).get("/refs/{system}/{id}", "halopsa", "99").then().statusCode(404);
        accessLog.flush();
        as(TestTokens.alphaAdmin()).get("/audit?kind=access").then().statusCode(200)
                .body("items[0].name", equalTo("halopsa:99")).body("items[0].status", equalTo(404))
                .body("items[1].tenantId", equalTo(CONTOSO)).body("items[1].status", equalTo(302))
                .body("items[1].portal", equalTo("defender"));
    }
}
