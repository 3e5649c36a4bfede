package io.tenantportal.mssp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ProductionGuardTest {

    @Test
    void productionWithoutOidcOrMsspsMayNotStart() {
        assertEquals(List.of("quarkus.oidc.auth-server-url", "quarkus.oidc.client-id", "quarkus.oidc.token.audience",
                "tenantportal.mssps.\"<key>\".tenant-id (at least one MSSP)"),
                ProductionGuard.missing(name -> Optional.empty(), 0));
    }

    @Test
    void blankValuesCountAsMissingAndDisabledOidcIsRefused() {
        Map<String, String> config = Map.of(
                "quarkus.oidc.auth-server-url", "https://login.microsoftonline.com/x/v2.0",
                "quarkus.oidc.client-id", " ",
                "quarkus.oidc.token.audience", "api://tenant-portal",
                "quarkus.oidc.tenant-enabled", "false");
        assertEquals(List.of("quarkus.oidc.client-id", "quarkus.oidc.tenant-enabled=true"),
                ProductionGuard.missing(name -> Optional.ofNullable(config.get(name)), 1));
    }

    @Test
    void completeConfigurationMayStart() {
        Map<String, String> config = Map.of(
                "quarkus.oidc.auth-server-url", "https://login.microsoftonline.com/x/v2.0",
                "quarkus.oidc.client-id", "abc",
                "quarkus.oidc.token.audience", "api://tenant-portal");
        assertEquals(List.of(), ProductionGuard.missing(name -> Optional.ofNullable(config.get(name)), 2));
    }
}
