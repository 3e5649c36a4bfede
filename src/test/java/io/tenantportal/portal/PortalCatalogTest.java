package io.tenantportal.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tenantportal.problem.ProblemException;

class PortalCatalogTest {

    static final UUID TENANT = UUID.fromString("2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01");

    private final PortalCatalog catalog = new PortalCatalog();

    @Test
    void everyTemplateIsOnTheAllowlist() {
        catalog.onStart(null);
    }

    @Test
    void initialDomainIsRevalidatedBeforeUse() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> catalog.url(Portal.TEAMS, TENANT, "evil.example/x?", Optional.empty()));
        assertEquals(409, e.status());
        assertEquals("initial-domain-missing", e.type());
    }

    @Test
    void deviceIdIsLowerCased() {
        DeepLink link = DeepLink.parse(null, null, "ABCDEF0123456789ABCDEF0123456789ABCDEF01").orElseThrow();
        assertEquals("https://security.microsoft.com/machines/v2/abcdef0123456789abcdef0123456789abcdef01/overview?tid="
                + TENANT, catalog.url(Portal.DEFENDER, TENANT, null, Optional.of(link)).toString());
    }

    @Test
    void unknownPortalNamesAreNotPortals() {
        assertEquals(Optional.empty(), Portal.fromWire("evil.example"));
        assertEquals(Optional.of(Portal.M365), Portal.fromWire(" M365 "));
    }
}
