package io.tenantportal.transfer;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;

import io.restassured.response.Response;
import io.tenantportal.support.TestTokens;

/** Calls of the import and export API as an admin of an MSSP. */
final class Transfers {

    static final String CSV = "text/csv; charset=UTF-8";

    private Transfers() {
    }

    static String exportCsv(String tid) {
        Response response = given().auth().oauth2(TestTokens.token(tid, TestTokens.ADMIN)).accept(CSV).get("/export");
        response.then().statusCode(200);
        return new String(response.asByteArray(), StandardCharsets.UTF_8);
    }

    static String exportJson(String tid) {
        Response response = given().auth().oauth2(TestTokens.token(tid, TestTokens.ADMIN)).get("/export");
        response.then().statusCode(200);
        return new String(response.asByteArray(), StandardCharsets.UTF_8);
    }

    /** POST /import with the query (e.g. "?dryRun=true") and a body of the content type. */
    static Response importFile(String tid, String query, String contentType, String body) {
        return importFile(tid, query, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    static Response importFile(String tid, String query, String contentType, byte[] body) {
        return given().auth().oauth2(TestTokens.token(tid, TestTokens.ADMIN)).contentType(contentType).body(body)
                .post("/import" + query);
    }

    static Response match(String tid, String query, String contentType, String body) {
        return given().auth().oauth2(TestTokens.token(tid, TestTokens.ADMIN)).contentType(contentType)
                .body(body.getBytes(StandardCharsets.UTF_8)).post("/import/match" + query);
    }
}
