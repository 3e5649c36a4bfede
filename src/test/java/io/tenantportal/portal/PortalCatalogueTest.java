package io.tenantportal.portal;

import static io.tenantportal.support.TestKeys.withKey;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tenantportal.support.ApiTest;
import io.tenantportal.support.TestKeys;
import io.tenantportal.support.TestTokens;

/**
 * The catalogue additions (SharePoint admin, Power Apps, Power BI admin) and the test profile's custom
 * portal "runbook" (https://portal.example.net/customers/{tenantId}?domain={defaultDomain}) wherever a
 * portal name is accepted: the redirect and its JSON, the PSA reference route, bulk resolve, the page.
 */
@QuarkusTest
class PortalCatalogueTest extends ApiTest {

    static final String CONTOSO = "2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01";
    static final String NORTHWIND = "5e0d9c8b-7a6f-4e5d-8c4b-3a2f1e0d9c8b";

    @BeforeEach
    void customers() {
        as(TestTokens.token(TestTokens.ALPHA, TestTokens.ADMIN)).contentType(ContentType.JSON)
                .body("{\"displayName\": \"Contoso Ltd\", \"defaultDomain\": \"contoso.com\", "
                        + "\"initialDomain\": \"contoso.onmicrosoft.com\", \"refs\": [{\"system\": \"halopsa\", \"id\": \"12\"}]}")
                .put("/tenants/{id}", CONTOSO).then().statusCode(201);
        createCustomer(TestTokens.ALPHA, NORTHWIND, "Northwind Traders");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "sharepoint|https://contoso-admin.sharepoint.com/",
            "powerapps|https://make.powerapps.com/home?tenant=2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01",
            "powerbi|https://app.powerbi.com/admin-portal?ctid=2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01",
            "runbook|https://portal.example.net/customers/2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01?domain=contoso.com",
            "RunBook|https://portal.example.net/customers/2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01?domain=contoso.com" })
    void redirectsToTheAdditionsAndTheCustomPortal(String portal, String expected) {
        as(TestTokens.alphaReader()).queryParam("portal", portal).get("/tenants/{name}/portal", "Contoso Ltd")
                .then().statusCode(302).header("Location", expected).header("Cache-Control", "no-store");
    }

    @Test
    void customPortalAnswersJsonWithItsName() {
        as(TestTokens.alphaReader()).accept("application/json").queryParam("portal", "runbook")
                .get("/tenants/{name}/portal", "contoso.com")
                .then().statusCode(200)
                .body("tenantId", equalTo(CONTOSO))
                .body("portal", equalTo("runbook"))
                .body("url", equalTo("https://portal.example.net/customers/" + CONTOSO + "?domain=contoso.com"));
    }

    @Test
    void customPortalTakesNoDeepLink() {
        as(TestTokens.alphaReader()).queryParam("portal", "runbook").queryParam("incident", "4711")
                .get("/tenants/{name}/portal", "Contoso Ltd")
                .then().statusCode(400).body("detail", containsString("defender portal only"));
    }

    @Test
    void customPortalWithoutTheDomainItNeedsIs409() {
        as(TestTokens.alphaReader()).accept("application/json").queryParam("portal", "runbook")
                .get("/tenants/{name}/portal", "Northwind Traders")
                .then().statusCode(409)
                .body("type", equalTo("urn:tenant-portal:problem:default-domain-missing"))
                .body("detail", containsString("The runbook portal needs the customer's default domain"));
    }

    @Test
    void unknownPortalListsTheCustomOneToo() {
        as(TestTokens.alphaReader()).queryParam("portal", "nope").get("/tenants/{name}/portal", "Contoso Ltd")
                .then().statusCode(400).body("portals", hasItem("runbook")).body("portals", hasItem("sharepoint"));
    }

    @Test
    void sharepointWithoutNameOrInitialDomainTellsBothWaysToSetIt() {
        as(TestTokens.alphaReader()).queryParam("portal", "sharepoint").get("/tenants/{name}/portal", "Northwind Traders")
                .then().statusCode(409)
                .body("type", equalTo("urn:tenant-portal:problem:sharepoint-name-missing"))
                .body("detail", containsString("set sharepointName with PUT /tenants/{tenantId}"))
                .body("detail", containsString("PUT /tenants/{tenantId} (field initialDomain"));
    }

    @Test
    void sharepointNameIsStoredShownAndUsed() {
        as(TestTokens.token(TestTokens.ALPHA, TestTokens.ADMIN)).contentType(ContentType.JSON)
                .body("{\"displayName\": \"Northwind Traders\", \"sharepointName\": \"NorthwindTr\"}")
                .put("/tenants/{id}", NORTHWIND).then().statusCode(200).body("sharepointName", equalTo("northwindtr"));
        as(TestTokens.alphaReader()).get("/tenants/{name}", "Northwind Traders")
                .then().statusCode(200).body("sharepointName", equalTo("northwindtr"));
        as(TestTokens.alphaReader()).queryParam("portal", "sharepoint").get("/tenants/{name}/portal", "Northwind Traders")
                .then().statusCode(302).header("Location", "https://northwindtr-admin.sharepoint.com/");
        as(TestTokens.alphaReader()).get("/tenants/{name}", "Contoso Ltd")
                .then().statusCode(200).body("sharepointName", nullValue());
    }

    @Test
    void malformedSharepointNameIsRefused() {
        for (String bad : List.of("north-wind", "north.wind", "evil.example/x", "", "a".repeat(58))) {
            as(TestTokens.token(TestTokens.ALPHA, TestTokens.ADMIN)).contentType(ContentType.JSON)
                    .body("{\"displayName\": \"Northwind Traders\", \"sharepointName\": \"" + bad + "\"}")
                    .put("/tenants/{id}", NORTHWIND).then().statusCode(400)
                    .body("errors[0].field", equalTo("sharepointName"));
        }
    }

    @Test
    void referenceRouteServesTheCustomPortal() {
        TestKeys.Issued key = TestKeys.issue(TestTokens.ALPHA, "psa", "Portal.Read");
        withKey(key.key()).queryParam("portal", "runbook").get("/refs/{system}/{id}/portal", "halopsa", "12")
                .then().statusCode(302)
                .header("Location", "https://portal.example.net/customers/" + CONTOSO + "?domain=contoso.com");
    }

    @Test
    void bulkResolveServesTheCustomPortal() {
        as(TestTokens.alphaReader()).contentType(ContentType.JSON)
                .body("{\"portal\": \"runbook\", \"items\": [{\"ref\": {\"system\": \"halopsa\", \"id\": \"12\"}}, "
                        + "{\"name\": \"Northwind Traders\"}]}")
                .post("/resolve").then().statusCode(200)
                .body("results[0].status", equalTo(200))
                .body("results[0].url", equalTo("https://portal.example.net/customers/" + CONTOSO + "?domain=contoso.com"))
                .body("results[1].status", equalTo(409))
                .body("results[1].tenantId", equalTo(NORTHWIND))
                .body("results[1].detail", containsString("default domain"));
    }

    @Test
    void analystPageHasAButtonForTheCustomPortal() {
        String page = new String(as(TestTokens.alphaReader()).accept("text/html").get("/").then().statusCode(200)
                .extract().asByteArray(), StandardCharsets.UTF_8);
        org.junit.jupiter.api.Assertions.assertTrue(page.contains(
                "<a class=\"portal\" data-portal=\"runbook\" data-needs=\"defaultDomain\">Runbook</a>"), page);
        org.junit.jupiter.api.Assertions.assertTrue(page.contains(
                "<a class=\"portal\" data-portal=\"sharepoint\" data-needs=\"sharepointName\">SharePoint admin</a>"), page);
    }

    @Test
    void jsonExportAndImportCarrySharepointNameAndCsvImportKeepsIt() {
        String admin = TestTokens.token(TestTokens.ALPHA, TestTokens.ADMIN);
        as(admin).contentType(ContentType.JSON)
                .body("[{\"tenantId\": \"" + NORTHWIND + "\", \"displayName\": \"Northwind Traders\", "
                        + "\"sharepointName\": \"nwt\"}]")
                .post("/import").then().statusCode(200).body("rows[0].outcome", equalTo("updated"));
        String exported = new String(as(admin).get("/export").then().statusCode(200).extract().asByteArray(),
                StandardCharsets.UTF_8);
        org.junit.jupiter.api.Assertions.assertTrue(exported.contains("\"displayName\":\"Northwind Traders\","
                + "\"defaultDomain\":null,\"initialDomain\":null,\"domains\":[],\"aliases\":[],\"refs\":[],"
                + "\"source\":\"import\",\"sharepointName\":\"nwt\"}"), exported);
        as(admin).contentType("text/csv; charset=UTF-8")
                .body("tenantId,displayName\n" + NORTHWIND + ",Northwind Traders Ltd\n")
                .post("/import").then().statusCode(200);
        as(TestTokens.alphaReader()).get("/tenants/{name}", NORTHWIND)
                .then().statusCode(200).body("displayName", equalTo("Northwind Traders Ltd"))
                .body("sharepointName", equalTo("nwt"));
    }
}
