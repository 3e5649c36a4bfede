package io.tenantportal.mssp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ProductionGuardTest {

    static final Map<String, String> COMPLETE = Map.of(
            "quarkus.oidc.auth-server-url", "https://login.microsoftonline.com/x/v2.0",
            "quarkus.oidc.client-id", "client",
            "quarkus.oidc.token.audience", "api://client",
            "quarkus.oidc.web.credentials.secret", "a-client-secret-of-forty-characters-long");

    @Test
    void aCompleteConfigurationMayStart() {
        assertEquals(List.of(), missing(COMPLETE));
    }

    @Test
    void productionWithoutOidcOrMsspsMayNotStart() {
        assertEquals(List.of("quarkus.oidc.auth-server-url", "quarkus.oidc.client-id", "quarkus.oidc.token.audience",
                "quarkus.oidc.web.credentials.secret (or quarkus.oidc.web.tenant-enabled=false)",
                "tenantportal.mssps.\"<key>\".tenant-id (at least one MSSP)"),
                ProductionGuard.missing(name -> Optional.empty(), 0));
    }

    @Test
    void blankValuesCountAsMissingAndDisabledOidcIsRefused() {
        Map<String, String> config = new HashMap<>(COMPLETE);
        config.put("quarkus.oidc.client-id", " ");
        config.put("quarkus.oidc.tenant-enabled", "false");
        assertEquals(List.of("quarkus.oidc.client-id", "quarkus.oidc.tenant-enabled=true"), missing(config));
    }

    @Test
    void browserSignInWithoutClientSecretRefusesToStart() {
        Map<String, String> config = new HashMap<>(COMPLETE);
        config.remove("quarkus.oidc.web.credentials.secret");

        assertEquals(List.of("quarkus.oidc.web.credentials.secret (or quarkus.oidc.web.tenant-enabled=false)"),
                missing(config));

        config.put("quarkus.oidc.web.tenant-enabled", "false");
        assertEquals(List.of(), missing(config));
    }

    private static List<String> missing(Map<String, String> config) {
        return ProductionGuard.missing(name -> Optional.ofNullable(config.get(name)), 1);
    }
}
