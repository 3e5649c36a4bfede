package io.tenantportal.tenant;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tenantportal.support.ApiTest;
import io.tenantportal.support.TestTokens;

@QuarkusTest
class CustomerListTest extends ApiTest {

    static final String CONTOSO = "2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01";
    static final String NORTHWIND = "5e0d9c8b-7a6f-4e5d-8c4b-3a2f1e0d9c8b";
    static final String ADATUM = "8b3c4d5e-6f70-4182-8c3d-4e5f60718293";

    @BeforeEach
    void customers() {
        createCustomer(TestTokens.ALPHA, CONTOSO, "Contoso Ltd", "contoso.com", null, List.of("contoso.com"),
                List.of("CONTOSO-UK"));
        createCustomer(TestTokens.ALPHA, NORTHWIND, "Northwind Traders");
        createCustomer(TestTokens.ALPHA, ADATUM, "Adatum Corporation");
    }

    @Test
    void filterKeepsOnlyCustomersWithANameContainingIt() {
        list("north").body("total", equalTo(1)).body("items.displayName", contains("Northwind Traders"));
        list("contoso.com").body("total", equalTo(1)).body("items.displayName", contains("Contoso Ltd"));
        list("-uk").body("items.displayName", contains("Contoso Ltd"));
        list("o").body("items.displayName", contains("Adatum Corporation", "Contoso Ltd", "Northwind Traders"));
        list("nothing like it").body("total", equalTo(0)).body("items.size()", equalTo(0));
    }

    @Test
    void filterByTenantIdFindsThatCustomer() {
        list(NORTHWIND.toUpperCase()).body("items.tenantId", contains(NORTHWIND));
    }

    @Test
    void pagesCountFromZeroAndTotalCountsAll() {
        as(TestTokens.alphaReader()).queryParam("page", "1").queryParam("size", "2").get("/tenants")
                .then().statusCode(200)
                .body("total", equalTo(3)).body("page", equalTo(1)).body("size", equalTo(2))
                .body("items.displayName", contains("Northwind Traders"));
    }

    @Test
    void theCustomerTheFilterNamesExactlyComesFirstThenTheRestByName() {
        String adatumForNorthwind = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
        createCustomer(TestTokens.ALPHA, adatumForNorthwind, "Adatum for Northwind Traders", "NWT");

        list("Northwind Traders").body("total", equalTo(2))
                .body("items.displayName", contains("Northwind Traders", "Adatum for Northwind Traders"));
        list("  ＮＯＲＴＨＷＩＮＤ   traders ").body("items.tenantId", contains(NORTHWIND, adatumForNorthwind));
        list("nwt").body("items.displayName", contains("Adatum for Northwind Traders"));
        list("northwind").body("total", equalTo(2))
                .body("items.displayName", contains("Adatum for Northwind Traders", "Northwind Traders"));
        list("o").body("items.displayName", contains("Adatum Corporation", "Adatum for Northwind Traders",
                "Contoso Ltd", "Northwind Traders"));
    }

    @Test
    void anAliasOrDomainNamedExactlyComesFirstToo() {
        String contosoShop = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4e";
        createCustomer(TestTokens.ALPHA, contosoShop, "Alpha contoso-uk shop", "contoso.com.shop");

        list("CONTOSO-UK").body("items.displayName", contains("Contoso Ltd", "Alpha contoso-uk shop"));
        list("contoso.com").body("items.displayName", contains("Contoso Ltd", "Alpha contoso-uk shop"));
        list("contoso").body("items.displayName", contains("Alpha contoso-uk shop", "Contoso Ltd"));
    }

    private static io.restassured.response.ValidatableResponse list(String q) {
        return as(TestTokens.alphaReader()).queryParam("q", q).get("/tenants").then().statusCode(200);
    }
}
