package io.tenantportal.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tenantportal.support.ApiTest;
import io.tenantportal.support.TestTokens;

/**
 * Hostile names and parameters, sent as raw request lines (no client-side normalisation): each gets
 * a clean 400 or 404 problem, and never a Location, let alone one off the allowlist.
 */
@QuarkusTest
class HostileInputTest extends ApiTest {

    static final String CONTOSO = "2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01";

    @TestHTTPResource("/")
    URI base;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void customers() {
        createCustomer(TestTokens.ALPHA, CONTOSO, "Contoso Ltd", "contoso.com", "contoso.onmicrosoft.com",
                List.of(), List.of("Contoso"));
    }

    private HttpResponse<String> get(String rawPathAndQuery) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + rawPathAndQuery))
                .header("Authorization", "Bearer " + TestTokens.alphaReader())
                .GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "/tenants/contoso%0D%0ALocation:%20https:%2F%2Fevil.example/portal|400",
            "/tenants/contoso%0ASet-Cookie:x=1/portal|400",
            "/tenants/%2F%2Fevil.example/portal|404",
            "/tenants/..%2F..%2Fevil.example/portal|404",
            "/tenants/@evil.example/portal|404",
            "/tenants/javascript:alert(1)/portal|404",
            "/tenants/contoso%00/portal|400",
            "/tenants/contoso%E2%80%AE/portal|400",
            "/tenants/https:%2F%2Fevil.example/portal|404",
            "/tenants/contoso/portal?portal=evil.example|400",
            "/tenants/contoso/portal?portal=https://evil.example|400",
            "/tenants/contoso/portal?portal=defender%0D%0AX:1|400",
            "/tenants/contoso/portal?portal=|400",
            "/tenants/contoso/portal?incident=1/../../evil|400",
            "/tenants/contoso/portal?incident=%2F%2Fevil.example|400",
            "/tenants/contoso/portal?alert=a.b|400",
            "/tenants/contoso/portal?alert=|400",
            "/tenants/contoso/portal?device=xyz|400",
            "/tenants/contoso/portal?device=0123456789abcdef0123456789abcdef0123456g|400",
            "/tenants/contoso/portal?portal=defender&portal=entra|400" })
    void hostileRequestsGetACleanProblem(String pathAndQuery, int status) throws Exception {
        HttpResponse<String> response = get(pathAndQuery);
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertNull(response.headers().firstValue("Location").orElse(null));
        assertTrue(response.headers().map().keySet().stream().noneMatch(h -> h.equalsIgnoreCase("X")));
        assertTrue(response.headers().allValues("Set-Cookie").isEmpty());
    }

    @Test
    void tenThousandCharacterNameIsABadRequest() throws Exception {
        HttpResponse<String> response = get("/tenants/" + "a".repeat(10_000) + "/portal");
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("must be at most 256 characters"), response.body());
    }

    @Test
    void nameOfExactlyTheLimitIsLookedUp() throws Exception {
        assertEquals(404, get("/tenants/" + "a".repeat(256) + "/portal").statusCode());
        assertEquals(400, get("/tenants/" + "a".repeat(257) + "/portal").statusCode());
    }

    @Test
    void everyRedirectStaysOnTheAllowlist() throws Exception {
        List<String> names = new java.util.ArrayList<>(Portal.BUILT_IN.stream().map(Portal::wire).toList());
        names.add("runbook");
        for (String portal : names) {
            HttpResponse<String> response = get("/tenants/Contoso/portal?portal=" + portal);
            assertEquals(302, response.statusCode(), portal);
            URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
            assertEquals("https", location.getScheme());
            assertTrue(PortalCatalog.ALLOWED_HOSTS.contains(location.getHost())
                    || location.getHost().equals("contoso-admin.sharepoint.com")
                    || location.getHost().equals("portal.example.net"), location.toString());
        }
    }
}
