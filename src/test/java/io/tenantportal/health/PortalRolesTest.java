package io.tenantportal.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.smallrye.config.SmallRyeConfigBuilder;

/** The role sets per portal: built in, replaced or added by configuration, checked at start-up. */
class PortalRolesTest {

    static final UUID GLOBAL_ADMIN = UUID.fromString("62e90394-69f5-4237-9190-012177145e10");
    static final UUID GLOBAL_READER = UUID.fromString("f2ef992c-3afb-46b9-b7cf-a126ee74c451");
    static final UUID SECURITY_READER = UUID.fromString("5d6b6bb7-de71-4623-b4af-96380a352509");

    static PortalRoles roles(Map<String, String> overrides, Map<String, String> properties) {
        HealthConfig config = new HealthConfig() {
            @Override
            public Map<String, String> roles() {
                return overrides;
            }

            @Override
            public Duration refreshInterval() {
                return Duration.ofSeconds(2);
            }
        };
        return new PortalRoles(config, new SmallRyeConfigBuilder().withDefaultValues(properties).build());
    }

    @Test
    void everyCataloguePortalHasItsOwnSet() {
        PortalRoles roles = roles(Map.of(), Map.of());
        assertEquals(Set.of(SECURITY_READER, GLOBAL_READER, GLOBAL_ADMIN,
                UUID.fromString("5f2222b1-57c3-48ba-8ad5-d4759f1fde6f"),
                UUID.fromString("194ae4cb-b126-40b2-bd5b-6091b380977d")), roles.of("defender"));
        assertEquals(java.util.List.of("defender", "purview", "entra", "azure", "intune", "m365", "exchange", "teams",
                "powerplatform", "sharepoint", "powerapps", "powerbi"), roles.portals());
        assertTrue(roles.of("powerbi").contains(UUID.fromString("a9ea8996-122f-4c74-9520-8edcd192826c")));
        assertTrue(roles.of("intune").contains(UUID.fromString("3a2c62db-5318-420d-8d74-23affee5d9d5")));
    }

    @Test
    void configurationReplacesASetAndACustomPortalGetsTheDefault() {
        PortalRoles roles = roles(Map.of("defender", " 5d6b6bb7-de71-4623-b4af-96380a352509 ,"),
                Map.of("tenantportal.portals.\"crm\".url", "https://crm.example/{tenantId}"));
        assertEquals(Set.of(SECURITY_READER), roles.of("defender"));
        assertEquals(Set.of(GLOBAL_ADMIN, GLOBAL_READER), roles.of("crm"));
        assertTrue(roles.knows("crm"));
    }

    @Test
    void aBadRoleIdOrPortalNameStopsTheStart() {
        IllegalStateException bad = assertThrows(IllegalStateException.class,
                () -> roles(Map.of("defender", "5d6b6bb7-de71-4623-b4af-96380a352509,Security Reader"), Map.of()));
        assertTrue(bad.getMessage().contains("'Security Reader' is not a role template id"), bad.getMessage());
        assertThrows(IllegalStateException.class, () -> roles(Map.of("defender", " , "), Map.of()));
        assertThrows(IllegalStateException.class,
                () -> roles(Map.of("Bad Portal", "5d6b6bb7-de71-4623-b4af-96380a352509"), Map.of()));
    }
}
