package io.tenantportal.ops;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.tenantportal.support.ApiTest;
import io.tenantportal.support.TestTokens;

/** What operators and API consumers reach without a token, and what they must not. */
@QuarkusTest
class OperationsTest extends ApiTest {

    /** The management root already ends in /q. */
    @TestHTTPResource(value = "/metrics", management = true)
    URL managementMetrics;

    @Test
    void metricsAreOnTheManagementPortOnly() {
        RestAssured.given().get("/q/metrics").then().statusCode(404);
        RestAssured.given().get(managementMetrics).then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void requestsAreCountedByRouteTemplateNeverByTheNameAsked() {
        String name = "metrics-probe-" + System.nanoTime();
        as(TestTokens.alphaReader()).redirects().follow(false).get("/tenants/{name}/portal", name).then().statusCode(404);
        RestAssured.given().redirects().follow(false).get("/tenants/{name}/portal", name).then().statusCode(401);
        as("not-a-token").redirects().follow(false).get("/tenants/{name}/portal", name).then().statusCode(401);
        String metrics = RestAssured.given().get(managementMetrics).then().statusCode(200).extract().asString();
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("http_server_requests_seconds_count{")
                && line.contains("status=\"401\"") && line.contains("uri=\"/tenants/{name}/portal\"")), metrics);
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("http_server_requests_seconds_count{")
                && line.contains("status=\"404\"") && line.contains("uri=\"/tenants/{name}/portal\"")), metrics);
        assertFalse(metrics.contains(name), "a requested name became a metric label");
    }

    @Test
    void healthIsOnTheServicePortWithoutToken() {
        RestAssured.given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        RestAssured.given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", not(org.hamcrest.Matchers.hasItem(containsString("Graph"))));
    }

    @Test
    void openApiDocumentsEveryEndpointWithExamples() {
        RestAssured.given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/tenants'.get.responses.'200'.content.'application/json'.examples.page", notNullValue())
                .body("paths.'/tenants/{name}'.get.responses.'404'.content.'application/problem+json'.examples", notNullValue())
                .body("paths.'/tenants/{tenantId}'.put.responses.'409'.content.'application/problem+json'.examples", notNullValue())
                .body("paths.'/tenants/{name}/portal'.get.responses.'302'.headers.Location", notNullValue())
                .body("paths.'/audit'.get.responses.'200'.content.'application/json'.examples.page", notNullValue())
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"));
        RestAssured.given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}
