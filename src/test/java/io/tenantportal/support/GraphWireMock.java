package io.tenantportal.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * WireMock playing Microsoft Graph and the Entra ID token endpoint for every test. By default it
 * issues tokens to the apps of MSSPs alpha and gamma and lists no customers, so a miss still ends in a
 * plain 404.
 */
public class GraphWireMock implements QuarkusTestResourceLifecycleManager {

    public static final String TOKEN_PATH = "/login/" + TestTokens.ALPHA + "/oauth2/v2.0/token";
    /** A second MSSP with Graph (see application.properties), for what must stay per MSSP. */
    public static final String GAMMA = "44444444-4444-4444-8444-444444444444";
    public static final String GAMMA_TOKEN_PATH = "/login/" + GAMMA + "/oauth2/v2.0/token";
    public static final String GDAP_PATH = "/v1.0/tenantRelationships/delegatedAdminCustomers";
    public static final String CONTRACTS_PATH = "/v1.0/contracts";
    public static final String FIND_TENANT_PREFIX = "/v1.0/tenantRelationships/findTenantInformationByDomainName";
    public static final String ACCESS_TOKEN = "graph-access-token-for-alpha";
    /** Below the default priority (5), so a test's own stubs win. */
    private static final int DEFAULTS = 10;

    private static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        reset();
        return Map.of("tenantportal.graph.base-url", server.baseUrl(),
                "tenantportal.graph.login-url", server.baseUrl() + "/login");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    public static WireMockServer server() {
        return server;
    }

    public static String baseUrl() {
        return server.baseUrl();
    }

    /** Forgets every stub and request, then stubs the defaults again. */
    public static void reset() {
        server.resetAll();
        server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).atPriority(DEFAULTS).willReturn(token(3600)));
        server.stubFor(post(urlPathEqualTo(GAMMA_TOKEN_PATH)).atPriority(DEFAULTS).willReturn(token(3600)));
        server.stubFor(get(urlPathEqualTo(GDAP_PATH)).atPriority(DEFAULTS).willReturn(okJson(page(List.of(), null))));
        server.stubFor(get(urlPathEqualTo(CONTRACTS_PATH)).atPriority(DEFAULTS)
                .willReturn(okJson(page(List.of(), null))));
        server.stubFor(get(urlPathMatching(FIND_TENANT_PREFIX + ".*")).atPriority(DEFAULTS)
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":\"Request_ResourceNotFound\"}}")));
        server.stubFor(get(urlPathEqualTo(RELATIONSHIPS_PATH)).atPriority(DEFAULTS)
                .willReturn(okJson(page(List.of(), null))));
    }

    public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder token(long expiresIn) {
        return okJson("{\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + ",\"access_token\":\""
                + ACCESS_TOKEN + "\"}");
    }

    /** A GDAP customer as delegatedAdminCustomers lists it. */
    public static String gdap(String tenantId, String displayName) {
        return "{\"id\":\"" + tenantId + "\",\"tenantId\":\"" + tenantId + "\",\"displayName\":\"" + displayName + "\"}";
    }

    /** A contract as /contracts lists it. */
    public static String contract(String tenantId, String displayName, String defaultDomain) {
        return "{\"id\":\"c-" + tenantId.substring(0, 8) + "\",\"contractType\":\"ResellerPartner\",\"customerId\":\""
                + tenantId + "\",\"defaultDomainName\":\"" + defaultDomain + "\",\"displayName\":\"" + displayName
                + "\"}";
    }

    /** A list page; {@code nextLink} null for the last page. */
    public static String page(List<String> items, String nextLink) {
        return "{\"value\":[" + items.stream().collect(Collectors.joining(",")) + "]"
                + (nextLink == null ? "" : ",\"@odata.nextLink\":\"" + nextLink + "\"") + "}";
    }

    public static final String RELATIONSHIPS_PATH = "/v1.0/tenantRelationships/delegatedAdminRelationships";

    /** The path of one relationship's access assignments. */
    public static String assignmentsPath(String relationshipId) {
        return RELATIONSHIPS_PATH + "/" + relationshipId + "/accessAssignments";
    }

    /**
     * A GDAP relationship as delegatedAdminRelationships lists it; {@code endDateTime} and
     * {@code autoExtendDuration} are left out when null.
     */
    public static String relationship(String id, String displayName, String customerTenantId, String status,
            String endDateTime, String autoExtendDuration, String... roleIds) {
        return "{\"id\":\"" + id + "\",\"displayName\":\"" + displayName + "\",\"status\":\"" + status + "\""
                + (endDateTime == null ? "" : ",\"endDateTime\":\"" + endDateTime + "\"")
                + (autoExtendDuration == null ? "" : ",\"autoExtendDuration\":\"" + autoExtendDuration + "\"")
                + ",\"customer\":{\"tenantId\":\"" + customerTenantId + "\",\"displayName\":\"" + displayName + "\"}"
                + ",\"accessDetails\":" + unifiedRoles(roleIds) + "}";
    }

    /** An access assignment of a relationship, to one security group. */
    public static String assignment(String id, String status, String... roleIds) {
        return "{\"id\":\"" + id + "\",\"status\":\"" + status + "\",\"accessContainer\":{\"accessContainerId\":"
                + "\"0c8f6a31-1d2e-4b5c-9a7d-3e4f5a6b7c8d\",\"accessContainerType\":\"securityGroup\"},"
                + "\"accessDetails\":" + unifiedRoles(roleIds) + "}";
    }

    private static String unifiedRoles(String... roleIds) {
        return "{\"unifiedRoles\":[" + java.util.Arrays.stream(roleIds)
                .map(id -> "{\"roleDefinitionId\":\"" + id + "\"}").collect(Collectors.joining(",")) + "]}";
    }
}
