package io.tenantportal.audit;

import static io.tenantportal.support.TestKeys.withKey;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tenantportal.support.ApiTest;
import io.tenantportal.support.TestKeys;
import io.tenantportal.support.TestTokens;

/**
 * Every resolve of the portal route lands in the audit log, readable with filters and as CSV. The
 * MSSP is beta, which has no Microsoft Graph: a miss answers 404 at once.
 */
@QuarkusTest
class AccessAuditTest extends ApiTest {

    static final String CONTOSO = "2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01";
    static final String FABRIKAM_LTD = "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9";
    static final String FABRIKAM_INC = "c0ffee00-1234-4abc-8def-0123456789ab";
    static final String APP = "ticket-sync-22222222";

    @Inject
    AccessLog accessLog;

    private TestKeys.Issued key;

    @BeforeEach
    void resolveOnceEachWay() {
        createCustomer(TestTokens.BETA, CONTOSO, "Contoso Ltd", "contoso.com", null, List.of(), List.of("Contoso"));
        createCustomer(TestTokens.BETA, FABRIKAM_LTD, "Fabrikam Ltd");
        createCustomer(TestTokens.BETA, FABRIKAM_INC, "Fabrikam Inc");
        key = TestKeys.issue(TestTokens.BETA, "ConnectWise prod", "Portal.Read");

        String reader = TestTokens.token(TestTokens.BETA, TestTokens.READ);
        as(reader).get("/tenants/{name}/portal", "Contoso").then().statusCode(302);
        as(reader).accept(ContentType.JSON).get("/tenants/{name}/portal?portal=entra", "contoso.com").then().statusCode(200);
        withKey(key.key()).get("/tenants/{name}/portal?incident=42", "Contoso").then().statusCode(302);
        as(reader).get("/tenants/{name}/portal", "Contso").then().statusCode(404);
        as(reader).get("/tenants/{name}/portal?portal=nope", "Contoso").then().statusCode(400);
        as(reader).get("/tenants/{name}/portal", "Fabrikam").then().statusCode(409);
        as(reader).get("/tenants/{name}/portal?portal=exchange", "Contoso").then().statusCode(409);
        as(reader).get("/tenants/{name}/portal", "=HYPERLINK(\"https://evil.example\")").then().statusCode(404);
        as(reader).get("/tenants/{name}/portal", "x".repeat(300)).then().statusCode(400);
        accessLog.flush();
    }

    @Test
    void everyResolveIsRecordedWithItsOutcomeNewestFirst() {
        as(TestTokens.betaAdmin()).get("/audit?kind=access").then().statusCode(200)
                .body("total", equalTo(9))
                .body("items.kind", everyItem(equalTo("access")))
                .body("items.status", contains(400, 404, 409, 409, 400, 404, 302, 200, 302))
                .body("items.portal", contains("defender", "defender", "exchange", "defender", null, "defender",
                        "defender", "entra", "defender"))
                .body("items.tenantId", contains(null, null, CONTOSO, null, null, null, CONTOSO, CONTOSO, CONTOSO))
                .body("items.name", contains("x".repeat(100), "=HYPERLINK(\"https://evil.example\")", null, "Fabrikam",
                        "Contoso", "Contso", null, null, null))
                .body("items.actor.type", contains("user", "user", "user", "user", "user", "user", "integration", "user",
                        "user"))
                .body("items.actor.name", contains(APP, APP, APP, APP, APP, APP, "ConnectWise prod", APP, APP))
                .body("items[6].actor", equalTo(Map.of("type", "integration", "id", key.id(), "name", "ConnectWise prod")))
                .body("items[5].actor", equalTo(Map.of("type", "user", "name", APP)))
                .body("items[0].actor", not(hasKey("id")))
                .body("items[0]", not(hasKey("action")))
                .body("items[0].at", not(nullValue()));
    }

    @Test
    void filtersNarrowTheEntries() {
        String admin = TestTokens.betaAdmin();
        as(admin).get("/audit").then().statusCode(200).body("total", equalTo(13));
        as(admin).get("/audit?kind=change").then().body("total", equalTo(4))
                .body("items.action", contains("integration.created", "customer.created", "customer.created",
                        "customer.created"))
                .body("items[0].detail", equalTo("ConnectWise prod (Portal.Read)"));
        as(admin).get("/audit?kind=access&tenantId=" + CONTOSO.toUpperCase()).then()
                .body("total", equalTo(4)).body("items.status", contains(409, 302, 200, 302));
        as(admin).get("/audit?tenantId=" + CONTOSO).then().body("total", equalTo(5));
        as(admin).get("/audit?actor=" + key.id()).then().body("total", equalTo(1)).body("items[0].status", equalTo(302));
        as(admin).get("/audit?actor=connectwise PROD").then().body("total", equalTo(1));
        as(admin).get("/audit?actor=" + APP + "&kind=access").then().body("total", equalTo(8));
        as(admin).get("/audit?actor=nobody").then().body("total", equalTo(0));

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        as(admin).get("/audit?from=" + today).then().body("total", equalTo(13));
        as(admin).get("/audit?to=" + today).then().body("total", equalTo(13));
        as(admin).get("/audit?from=" + tomorrow).then().body("total", equalTo(0));
        as(admin).get("/audit?to=" + yesterday).then().body("total", equalTo(0));
        as(admin).queryParam("from", "2020-01-01T00:00:00Z").queryParam("to", "2999-01-01T00:00:00+02:00").get("/audit")
                .then().body("total", equalTo(13));

        as(admin).get("/audit?kind=access&size=4&page=1").then().body("total", equalTo(9))
                .body("page", equalTo(1)).body("size", equalTo(4)).body("items.status", contains(400, 404, 302, 200));
        as(TestTokens.alphaAdmin()).get("/audit").then().statusCode(200).body("total", equalTo(0));
        as(TestTokens.token(TestTokens.BETA, TestTokens.READ)).get("/audit").then().statusCode(403);
        withKey(key.key()).get("/audit").then().statusCode(403);
    }

    @Test
    void malformedFiltersAre400NamingTheParameter() {
        String admin = TestTokens.betaAdmin();
        for (String[] bad : List.of(new String[] { "kind", "everything" }, new String[] { "tenantId", "contoso" },
                new String[] { "from", "yesterday" }, new String[] { "to", "2026-13-01" },
                new String[] { "from", "+999999-01-01T00:00:00Z" }, new String[] { "actor", "\u0007bell" },
                new String[] { "actor", "a".repeat(300) }, new String[] { "page", "-1" }, new String[] { "size", "201" })) {
            as(admin).queryParam(bad[0], bad[1]).get("/audit").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:tenant-portal:problem:invalid-request"))
                    .body("errors[0].field", equalTo(bad[0]));
        }
        as(admin).queryParam("from", "2026-02-01").queryParam("to", "2026-01-01").get("/audit").then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
    }

    @Test
    void csvHasTheSameRowsWithFormulasNeutralised() throws Exception {
        String csv = as(TestTokens.betaAdmin()).accept("text/csv").get("/audit?kind=access").then().statusCode(200)
                .contentType("text/csv")
                .header("X-Total-Count", "9")
                .header("Content-Disposition", "attachment; filename=\"audit.csv\"")
                .extract().asString();
        assertEquals("at,kind,actorType,actorId,actorName,tenantId,name,portal,status,action,detail", csv.lines().findFirst().get());
        CsvMapper mapper = new CsvMapper();
        List<Map<String, String>> rows = mapper.readerForMapOf(String.class).with(CsvSchema.emptySchema().withHeader())
                .<Map<String, String>> readValues(csv).readAll();
        List<String> at = as(TestTokens.betaAdmin()).get("/audit?kind=access").then().extract().path("items.at");
        assertEquals(at, rows.stream().map(r -> r.get("at")).toList());
        assertEquals(List.of("400", "404", "409", "409", "400", "404", "302", "200", "302"),
                rows.stream().map(r -> r.get("status")).toList());
        assertEquals("'=HYPERLINK(\"https://evil.example\")", rows.get(1).get("name"));
        assertEquals(List.of(at.get(6), "access", "integration", key.id(), "ConnectWise prod", CONTOSO, "", "defender",
                "302", "", ""), List.copyOf(rows.get(6).values()));
        assertEquals(List.of("", "", "", "", ""), List.of(rows.get(4).get("portal"), rows.get(4).get("tenantId"),
                rows.get(4).get("actorId"), rows.get(4).get("action"), rows.get(4).get("detail")));

        as(TestTokens.betaAdmin()).accept("text/csv").get("/audit?size=10000").then().statusCode(200)
                .header("X-Total-Count", "13");
        as(TestTokens.betaAdmin()).accept("text/csv").get("/audit?size=10001").then().statusCode(400);
        as(TestTokens.betaAdmin()).accept("application/xml").get("/audit").then().statusCode(406)
                .contentType("application/problem+json");
    }
}
