package io.tenantportal.support;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** Integration keys for tests, issued through the API by an admin of the MSSP. */
public final class TestKeys {

    /** An issued integration: its id and its secret key. */
    public record Issued(String id, String name, String key) {
    }

    private TestKeys() {
    }

    public static Issued issue(String tid, String name, String role) {
        return issue(tid, name, role, null);
    }

    public static Issued issue(String tid, String name, String role, String expiresAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("role", role);
        body.put("expiresAt", expiresAt);
        JsonPath created = given().auth().oauth2(TestTokens.token(tid, TestTokens.ADMIN))
                .contentType(ContentType.JSON).body(body)
                .post("/integrations")
                .then().statusCode(201).extract().jsonPath();
        return new Issued(created.getString("id"), created.getString("name"), created.getString("key"));
    }

    /** A request that authenticates with the key in X-API-Key. */
    public static RequestSpecification withKey(String key) {
        return given().header("X-API-Key", key).redirects().follow(false);
    }

    /** A request that authenticates with the key as a bearer token. */
    public static RequestSpecification withBearerKey(String key) {
        return given().header("Authorization", "Bearer " + key).redirects().follow(false);
    }
}
