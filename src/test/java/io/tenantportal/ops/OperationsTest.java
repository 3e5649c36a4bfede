package io.tenantportal.ops;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.net.URL;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.tenantportal.support.ApiTest;

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
