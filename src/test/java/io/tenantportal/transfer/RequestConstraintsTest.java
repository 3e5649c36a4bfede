package io.tenantportal.transfer;

import static io.tenantportal.transfer.Transfers.importFile;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tenantportal.support.ApiTest;
import io.tenantportal.support.TestTokens;

/**
 * The constraints of a customer body are one set of rules: PUT refuses a body with 400 naming the
 * field, an import row with the same words as its invalid outcome, and neither writes anything.
 */
@QuarkusTest
class RequestConstraintsTest extends ApiTest {

    static final String CONTOSO = "2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01";
    static final String JSON = "application/json";

    static Stream<Arguments> violations() {
        return Stream.of(
                Arguments.of("\"displayName\": null", "displayName", "must not be blank"),
                Arguments.of("\"displayName\": \"" + "n".repeat(257) + "\"", "displayName",
                        "must be at most 256 characters"),
                Arguments.of("\"displayName\": \"a\\u200Bb\"", "displayName",
                        "must not contain control or invisible characters"),
                Arguments.of("\"defaultDomain\": \"https://x.com\"", "defaultDomain", "is not a domain name"),
                Arguments.of("\"initialDomain\": \"contoso.com\"", "initialDomain",
                        "must be a <name>.onmicrosoft.com domain"),
                Arguments.of("\"domains\": [\"ok.com\", \"no domain\"]", "domains[1]", "is not a domain name"),
                Arguments.of("\"domains\": [null]", "domains[0]", "must not be null"),
                Arguments.of("\"domains\": " + list(201, i -> "\"d" + i + ".com\""), "domains",
                        "must hold at most 200 domains"),
                Arguments.of("\"aliases\": [\"Contoso\", \" \"]", "aliases[1]", "must not be blank"),
                Arguments.of("\"aliases\": " + list(51, i -> "\"alias " + i + "\""), "aliases",
                        "must hold at most 50 aliases"),
                Arguments.of("\"refs\": [null]", "refs[0]", "must be {\"system\": ..., \"id\": ...}"),
                Arguments.of("\"refs\": [{\"system\": \"jira\", \"id\": \"1\"}]", "refs[0].system",
                        "must be connectwise, autotask, halopsa, servicenow, or x- followed by 1-30 of a-z, 0-9 and -"),
                Arguments.of("\"refs\": [{\"system\": \"halopsa\", \"id\": \"\"}]", "refs[0].id", "must not be empty"),
                Arguments.of("\"refs\": [{\"system\": \"halopsa\", \"id\": \" 12\"}]", "refs[0].id",
                        "must be printable characters without leading or trailing space"),
                Arguments.of("\"refs\": " + list(21, i -> "{\"system\": \"halopsa\", \"id\": \"" + i + "\"}"), "refs",
                        "must hold at most 20 references"));
    }

    private static String list(int size, java.util.function.IntFunction<String> item) {
        return IntStream.range(0, size).mapToObj(item).collect(Collectors.joining(", ", "[", "]"));
    }

    /** A customer body with a valid display name, whose member {@code member} replaces the default ones. */
    private static String body(String member) {
        return member.startsWith("\"displayName\"") ? "{" + member + "}" : "{\"displayName\": \"Contoso\", " + member + "}";
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("violations")
    void putAndImportRowRefuseTheSameViolationAndWriteNothing(String member, String field, String message) {
        as(TestTokens.alphaAdmin()).contentType(ContentType.JSON).body(body(member))
                .put("/tenants/{id}", CONTOSO)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tenant-portal:problem:invalid-request"))
                .body("detail", equalTo(field + ": " + message))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", equalTo(message));
        assertNothingWritten();

        String row = "{\"tenantId\": \"" + CONTOSO + "\", " + body(member).substring(1);
        importFile(TestTokens.ALPHA, "?partial=true", JSON, "[" + row + "]").then().statusCode(200)
                .body("counts.invalid", equalTo(1))
                .body("rows[0].outcome", equalTo("invalid"))
                .body("rows[0].field", equalTo(field))
                .body("rows[0].reason", equalTo(field + ": " + message));
        assertNothingWritten();
    }

    @Test
    void severalViolationsAreListedTheSameWayOnPutAndImport() {
        String body = "{\"displayName\": \" \", \"defaultDomain\": \"x\", \"domains\": [\"a\", \"b\", \"c\"]}";
        String detail = "defaultDomain: is not a domain name; displayName: must not be blank; "
                + "domains[0]: is not a domain name; and 2 more";
        as(TestTokens.alphaAdmin()).contentType(ContentType.JSON).body(body)
                .put("/tenants/{id}", CONTOSO)
                .then().statusCode(400)
                .body("detail", equalTo(detail))
                .body("errors.field", contains("defaultDomain", "displayName", "domains[0]", "domains[1]", "domains[2]"));
        importFile(TestTokens.ALPHA, "", JSON, "[{\"tenantId\": \"" + CONTOSO + "\", " + body.substring(1) + "]")
                .then().statusCode(422)
                .body("rows[0].outcome", equalTo("invalid"))
                .body("rows[0].field", equalTo("defaultDomain"))
                .body("rows[0].reason", equalTo(detail));
        assertNothingWritten();
    }

    @Test
    void aCsvRowTakesTheSameRulesAsAJsonRow() {
        importFile(TestTokens.ALPHA, "", Transfers.CSV, "tenantId,displayName,domains\n" + CONTOSO + ",Contoso,ok.com;no domain\n")
                .then().statusCode(422)
                .body("rows[0].field", equalTo("domains[1]"))
                .body("rows[0].reason", equalTo("domains[1]: is not a domain name"));
        assertNothingWritten();
    }

    @Test
    void anUnknownSourceIsRefusedByPut() {
        as(TestTokens.alphaAdmin()).contentType(ContentType.JSON).body("{\"displayName\": \"Contoso\", \"source\": \"crm\"}")
                .put("/tenants/{id}", CONTOSO)
                .then().statusCode(400)
                .body("detail", equalTo("source: must be manual or import; graph is set by sync only"));
        assertNothingWritten();
    }

    @Test
    void referencesAloneTakeTheReferenceRulesOnPutAndOnAnImportThatMergesReferences() {
        createCustomer(TestTokens.ALPHA, CONTOSO, "Contoso");
        long events = database.count("SELECT count(*) FROM audit_event");
        String detail = "refs[1].id: must be at most 128 characters";
        as(TestTokens.alphaAdmin()).contentType(ContentType.JSON)
                .body("{\"refs\": [{\"system\": \"halopsa\", \"id\": \"12\"}, {\"system\": \"autotask\", \"id\": \""
                        + "9".repeat(129) + "\"}]}")
                .put("/tenants/{id}/refs", CONTOSO)
                .then().statusCode(400)
                .body("detail", equalTo(detail));
        importFile(TestTokens.ALPHA, "?merge=refs", Transfers.CSV,
                "tenantId,refs\n" + CONTOSO + ",halopsa:12;autotask:" + "9".repeat(129) + "\n")
                .then().statusCode(422)
                .body("rows[0].field", equalTo("refs[1].id"))
                .body("rows[0].reason", equalTo(detail));
        assertEquals(0, database.count("SELECT count(*) FROM customer_ref"));
        assertEquals(events, database.count("SELECT count(*) FROM audit_event"));
        as(TestTokens.alphaReader()).get("/tenants/{id}", CONTOSO).then().statusCode(200).body("refs", hasSize(0));
    }

    private void assertNothingWritten() {
        assertEquals(0, database.count("SELECT count(*) FROM customer"));
        assertEquals(0, database.count("SELECT count(*) FROM customer_name"));
        assertEquals(0, database.count("SELECT count(*) FROM audit_event"));
    }
}
