package io.tenantportal.portal;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.tenantportal.support.ApiTest;
import io.tenantportal.support.TestTokens;

@QuarkusTest
class PortalRedirectTest extends ApiTest {

    static final String CONTOSO = "2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01";
    static final String NORTHWIND = "5e0d9c8b-7a6f-4e5d-8c4b-3a2f1e0d9c8b";

    @BeforeEach
    void customers() {
        createCustomer(TestTokens.ALPHA, CONTOSO, "Contoso Ltd", "contoso.com", "contoso.onmicrosoft.com",
                List.of("contoso.com", "contoso.co.uk"), List.of("Contoso", "CONTOSO-UK"));
        createCustomer(TestTokens.ALPHA, NORTHWIND, "Northwind Traders", "northwind.example", null, List.of(),
                List.of());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "''|''|https://security.microsoft.com/?tid=2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01",
            "portal|defender|https://security.microsoft.com/?tid=2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01",
            "portal|purview|https://purview.microsoft.com/?tid=2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01",
            "portal|entra|https://entra.microsoft.com/2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01",
            "portal|azure|https://portal.azure.com/#@2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01",
            "portal|intune|https://intune.microsoft.com/2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01",
            "portal|m365|https://admin.microsoft.com/Partner/BeginClientSession.aspx?CTID=2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01&CSDEST=o365admincenter",
            "portal|exchange|https://admin.exchange.microsoft.com/?landingpage=homepage&form=mac_sidebar&delegatedOrg=contoso.onmicrosoft.com",
            "portal|teams|https://admin.teams.microsoft.com/?delegatedOrg=contoso.onmicrosoft.com",
            "portal|powerplatform|https://admin.powerplatform.microsoft.com/account/login/2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01",
            "portal|Intune|https://intune.microsoft.com/2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01",
            "incident|4711|https://security.microsoft.com/incidents/4711?tid=2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01",
            "alert|da637551227677560813_-961444813|https://security.microsoft.com/alerts/da637551227677560813_-961444813?tid=2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01",
            "device|0123456789ABCDEF0123456789abcdef01234567|https://security.microsoft.com/machines/v2/0123456789abcdef0123456789abcdef01234567/overview?tid=2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01" })
    void redirectsToEveryPortalAndDeepLink(String parameter, String value, String expected) {
        var request = as(TestTokens.alphaReader());
        if (!parameter.isEmpty()) {
            request = request.queryParam(parameter, value);
        }
        request.get("/tenants/{name}/portal", "Contoso")
                .then().statusCode(302)
                .header("Location", expected)
                .header("Cache-Control", "no-store");
    }

    @Test
    void jsonVariantReturnsTheUrl() {
        as(TestTokens.alphaReader()).accept("application/json").queryParam("incident", "12")
                .get("/tenants/{name}/portal", "contoso.co.uk")
                .then().statusCode(200)
                .contentType("application/json")
                .header("Cache-Control", "no-store")
                .header("Location", nullValue())
                .body("tenantId", equalTo(CONTOSO))
                .body("displayName", equalTo("Contoso Ltd"))
                .body("portal", equalTo("defender"))
                .body("url", equalTo("https://security.microsoft.com/incidents/12?tid=" + CONTOSO));
    }

    @Test
    void browsersAndCurlGetTheRedirect() {
        as(TestTokens.alphaReader()).accept("text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8")
                .get("/tenants/{name}/portal", "contoso").then().statusCode(302);
        as(TestTokens.alphaReader()).accept("*/*")
                .get("/tenants/{name}/portal", "contoso").then().statusCode(302);
    }

    @Test
    void tenantIdInAnyCaseResolves() {
        as(TestTokens.alphaReader()).get("/tenants/{name}/portal", CONTOSO.toUpperCase())
                .then().statusCode(302)
                .header("Location", "https://security.microsoft.com/?tid=" + CONTOSO);
    }

    @Test
    void exchangeWithoutInitialDomainIsAConflictSayingSo() {
        as(TestTokens.alphaReader()).queryParam("portal", "exchange")
                .get("/tenants/{name}/portal", "Northwind Traders")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tenant-portal:problem:initial-domain-missing"))
                .body("status", equalTo(409))
                .header("Location", nullValue());
    }

    @Test
    void deepLinkOnAnotherPortalIsRefused() {
        as(TestTokens.alphaReader()).queryParam("portal", "entra").queryParam("incident", "1")
                .get("/tenants/{name}/portal", "contoso")
                .then().statusCode(400)
                .body("detail", equalTo("Deep links (incident, alert, device) are for the defender portal only."));
    }

    @Test
    void twoDeepLinksAreRefused() {
        as(TestTokens.alphaReader()).queryParam("incident", "1").queryParam("alert", "abc")
                .get("/tenants/{name}/portal", "contoso")
                .then().statusCode(400)
                .body("detail", equalTo("Give at most one of incident, alert and device."));
    }
}
