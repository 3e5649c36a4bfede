package io.tenantportal.support;

import static io.restassured.RestAssured.given;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;

import io.quarkus.test.common.QuarkusTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.tenantportal.directory.GraphTestState;
import io.tenantportal.limits.MissLimiter;

/**
 * Base of the HTTP tests: one application, one identity provider (a fake Entra ID), one fake Graph
 * and one database shared by every test class (the same resources everywhere, so Quarkus starts
 * once), all of them back to their defaults before each test.
 */
@QuarkusTestResource(EntraWireMock.class)
@QuarkusTestResource(GraphWireMock.class)
public abstract class ApiTest {

    @Inject
    protected TestDatabase database;

    @Inject
    GraphTestState graphState;

    @Inject
    MissLimiter missLimiter;

    @BeforeEach
    void emptyDatabase() {
        database.reset();
        EntraWireMock.reset();
        GraphWireMock.reset();
        graphState.forget();
        missLimiter.forget();
    }

    protected static RequestSpecification as(String token) {
        return given().auth().oauth2(token).redirects().follow(false);
    }

    /** Creates a customer through the API as an admin of the MSSP of {@code tid}. */
    protected static Response putCustomer(String tid, String tenantId, String displayName, String defaultDomain,
            String initialDomain, List<String> domains, List<String> aliases) {
        return as(TestTokens.token(tid, TestTokens.ADMIN))
                .contentType(ContentType.JSON)
                .body(new Body(displayName, defaultDomain, initialDomain, domains, aliases))
                .put("/tenants/{id}", tenantId);
    }

    protected static void createCustomer(String tid, String tenantId, String displayName, String defaultDomain,
            String initialDomain, List<String> domains, List<String> aliases) {
        putCustomer(tid, tenantId, displayName, defaultDomain, initialDomain, domains, aliases).then().statusCode(201);
    }

    protected static void createCustomer(String tid, String tenantId, String displayName, String... aliases) {
        createCustomer(tid, tenantId, displayName, null, null, List.of(), List.of(aliases));
    }

    public record Body(String displayName, String defaultDomain, String initialDomain, List<String> domains,
            List<String> aliases) {
    }
}
