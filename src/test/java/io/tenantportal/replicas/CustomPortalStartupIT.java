package io.tenantportal.replicas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The production-built application refuses to start with a custom portal it cannot serve safely, and
 * says which property to fix: a fault found at start-up, not at the first click. (Every other refusal
 * is proven on the check itself, PortalCatalogTest; two real starts show the check stops the process.)
 */
class CustomPortalStartupIT {

    static final String DATABASE = System.getenv().getOrDefault("TENANTPORTAL_TEST_DB", "test") + "_portals";

    @BeforeAll
    static void database() throws Exception {
        try (Connection postgres = DriverManager.getConnection(TwoReplicasIT.POSTGRES + "postgres", "postgres", "");
                Statement sql = postgres.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + DATABASE);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "https://evil.example/c/{tenantId}|tenantportal.portals.\"docs\".url: host 'evil.example' is not listed in tenantportal.portal-hosts",
            "https://{initialDomain}/c|tenantportal.portals.\"docs\".url: a placeholder in the host or port" })
    void aBadCustomPortalStopsTheStartNamingTheProperty(String template, String message) throws Exception {
        Map<String, String> environment = new HashMap<>(Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", TwoReplicasIT.POSTGRES + DATABASE,
                "QUARKUS_DATASOURCE_USERNAME", "postgres",
                "QUARKUS_OIDC_AUTH_SERVER_URL", "https://login.example/" + TwoReplicasIT.MSSP + "/v2.0",
                "QUARKUS_OIDC_DISCOVERY_ENABLED", "false",
                "QUARKUS_OIDC_JWKS_PATH", "jwks.json",
                "QUARKUS_OIDC_CLIENT_ID", "tenant-portal-it",
                "QUARKUS_OIDC_TOKEN_AUDIENCE", TwoReplicasIT.AUDIENCE,
                "QUARKUS_OIDC_WEB_TENANT_ENABLED", "false",
                "QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false",
                "TENANTPORTAL_SYNC_INTERVAL", "0"));
        environment.put("TENANTPORTAL_MSSPS__IT__TENANT_ID", TwoReplicasIT.MSSP);
        environment.put("TENANTPORTAL_PORTAL_HOSTS", "portal.example.net");
        environment.put("TENANTPORTAL_PORTALS__DOCS__URL", template);
        try (Replica replica = Replica.start("bad-portal", environment)) {
            int exit = replica.awaitExit(Duration.ofSeconds(120));
            String log = replica.log();
            assertNotEquals(0, exit, log);
            assertTrue(log.contains(message), log);
            assertEquals(-1, log.indexOf("Listening on"), log);
        }
    }
}
