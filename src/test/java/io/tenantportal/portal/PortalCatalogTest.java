package io.tenantportal.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tenantportal.problem.ProblemException;
import io.tenantportal.tenant.CustomerView;

class PortalCatalogTest {

    static final UUID TENANT = UUID.fromString("2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01");
    private static final Set<String> HOSTS = Set.of("portal.example.net");

    private final PortalCatalog catalog = catalog(Map.of(), List.of());

    /** A catalogue as start-up makes it from these properties. */
    static PortalCatalog catalog(Map<String, PortalConfig.CustomPortal> portals, List<String> hosts) {
        PortalCatalog catalog = new PortalCatalog();
        catalog.config = new PortalConfig() {
            @Override
            public Map<String, CustomPortal> portals() {
                return portals;
            }

            @Override
            public Optional<List<String>> portalHosts() {
                return hosts.isEmpty() ? Optional.empty() : Optional.of(hosts);
            }
        };
        catalog.onStart(null);
        return catalog;
    }

    static PortalConfig.CustomPortal portal(String url, String label) {
        return new PortalConfig.CustomPortal() {
            @Override
            public String url() {
                return url;
            }

            @Override
            public Optional<String> label() {
                return Optional.ofNullable(label);
            }
        };
    }

    static CustomerView customer(String defaultDomain, String initialDomain, String sharepointName) {
        return new CustomerView(TENANT.toString(), "Contoso", defaultDomain, initialDomain, List.of(), List.of(),
                List.of(), "manual", null, null, null, null, sharepointName);
    }

    private static String refusal(String name, String url) {
        return assertThrows(CustomPortals.InvalidPortalException.class,
                () -> CustomPortals.check(name, url, null, HOSTS)).getMessage();
    }

    @Test
    void initialDomainIsRevalidatedBeforeUse() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> catalog.url(Portal.TEAMS, customer(null, "evil.example/x?", null), Optional.empty()));
        assertEquals(409, e.status());
        assertEquals("initial-domain-missing", e.type());
        assertTrue(e.detail().contains("PUT /tenants/{tenantId} (field initialDomain"), e.detail());
        assertTrue(e.detail().contains("POST /import (column initialDomain"), e.detail());
    }

    @Test
    void deviceIdIsLowerCased() {
        DeepLink link = DeepLink.parse(null, null, "ABCDEF0123456789ABCDEF0123456789ABCDEF01").orElseThrow();
        assertEquals("https://security.microsoft.com/machines/v2/abcdef0123456789abcdef0123456789abcdef01/overview?tid="
                + TENANT, catalog.url(Portal.DEFENDER, customer(null, null, null), Optional.of(link)));
    }

    @Test
    void unknownPortalNamesAreNotPortals() {
        assertEquals(Optional.empty(), catalog.find("evil.example"));
        assertEquals(Optional.of(Portal.M365), catalog.find(" M365 "));
    }

    @Test
    void theAdditionsBuildTheirTenantSpecificUrls() {
        CustomerView contoso = customer("contoso.com", "contoso.onmicrosoft.com", null);
        assertEquals("https://make.powerapps.com/home?tenant=" + TENANT,
                catalog.url(Portal.POWERAPPS, contoso, Optional.empty()));
        assertEquals("https://app.powerbi.com/admin-portal?ctid=" + TENANT,
                catalog.url(Portal.POWERBI, contoso, Optional.empty()));
        assertEquals("https://contoso-admin.sharepoint.com/",
                catalog.url(Portal.SHAREPOINT, contoso, Optional.empty()));
    }

    @Test
    void sharepointNameOfTheCustomerWinsOverTheInitialDomain() {
        assertEquals("https://contosoltd-admin.sharepoint.com/", catalog.url(Portal.SHAREPOINT,
                customer(null, "contoso.onmicrosoft.com", "contosoltd"), Optional.empty()));
        assertEquals("https://contosoltd-admin.sharepoint.com/", catalog.url(Portal.SHAREPOINT,
                customer(null, null, "contosoltd"), Optional.empty()));
    }

    @Test
    void sharepointWithoutNameOrInitialDomainSaysBothWaysToFixIt() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> catalog.url(Portal.SHAREPOINT, customer("contoso.com", null, null), Optional.empty()));
        assertEquals(409, e.status());
        assertEquals("sharepoint-name-missing", e.type());
        assertTrue(e.detail().contains("set sharepointName with PUT /tenants/{tenantId}"), e.detail());
        assertTrue(e.detail().contains("field initialDomain"), e.detail());
    }

    @Test
    void aSharepointNameThatIsNoHostLabelIsNeverUsed() {
        // only a stored value could be malformed (the database and PUT refuse it); it still never reaches a URL
        ProblemException e = assertThrows(ProblemException.class, () -> catalog.url(Portal.SHAREPOINT,
                customer(null, null, "evil.example/x"), Optional.empty()));
        assertEquals(409, e.status());
    }

    @Test
    void customPortalsFillTheirPlaceholdersAndJoinTheCatalogue() {
        PortalCatalog custom = catalog(Map.of("runbook", portal(
                "https://portal.example.net/c/{tenantId}?d={defaultDomain}&i={initialDomain}", "Runbook")),
                List.of("Portal.Example.NET"));
        Portal runbook = custom.find("runbook").orElseThrow();
        assertEquals("Runbook", runbook.label());
        assertEquals(List.of("defaultDomain", "initialDomain"), runbook.needs());
        assertEquals("runbook", custom.all().get(custom.all().size() - 1).wire());
        assertEquals("https://portal.example.net/c/" + TENANT + "?d=contoso.com&i=contoso.onmicrosoft.com",
                custom.url(runbook, customer("contoso.com", "contoso.onmicrosoft.com", null), Optional.empty()));
        ProblemException e = assertThrows(ProblemException.class,
                () -> custom.url(runbook, customer(null, "contoso.onmicrosoft.com", null), Optional.empty()));
        assertEquals(409, e.status());
        assertEquals("default-domain-missing", e.type());
    }

    @Test
    void customPortalLabelDefaultsToItsName() {
        assertEquals("docs", CustomPortals.check("docs", "https://portal.example.net/{tenantId}", null, HOSTS).label());
    }

    @Test
    void hostOffTheListIsRefused() {
        String message = refusal("docs", "https://evil.example/{tenantId}");
        assertEquals("tenantportal.portals.\"docs\".url: host 'evil.example' is not listed in tenantportal.portal-hosts "
                + "[portal.example.net]", message);
    }

    @Test
    void unknownPlaceholderIsRefused() {
        assertEquals("tenantportal.portals.\"docs\".url: unknown placeholder {tenantName}; use only {tenantId}, "
                + "{initialDomain}, {defaultDomain}", refusal("docs", "https://portal.example.net/{tenantName}"));
        // the built-in SharePoint name is no placeholder of custom portals
        assertTrue(refusal("docs", "https://portal.example.net/{sharepointName}").contains("unknown placeholder"));
        assertTrue(refusal("docs", "https://portal.example.net/{tenantId").contains("'{' or '}' outside"));
    }

    @Test
    void plainHttpIsRefused() {
        assertTrue(refusal("docs", "http://portal.example.net/{tenantId}")
                .startsWith("tenantportal.portals.\"docs\".url: the template must start with https://"));
        assertTrue(refusal("docs", "javascript:alert(1)").contains("must start with https://"));
    }

    @Test
    void placeholderInHostOrPortIsRefused() {
        assertTrue(refusal("docs", "https://{initialDomain}/x").contains("a placeholder in the host or port"));
        assertTrue(refusal("docs", "https://portal.example.net.{defaultDomain}/").contains("placeholder in the host"));
        assertTrue(refusal("docs", "https://portal.example.net:{tenantId}/").contains("placeholder in the host or port"));
        assertTrue(refusal("docs", "https://portal.example.net:8443/").contains("a port is not allowed"));
        assertTrue(refusal("docs", "https://user@portal.example.net/").contains("user information"));
    }

    @Test
    void nameClashingWithABuiltInPortalIsRefused() {
        assertEquals("tenantportal.portals.\"defender\": 'defender' is a built-in portal; choose another name",
                refusal("defender", "https://portal.example.net/{tenantId}"));
        assertTrue(refusal("Docs", "https://portal.example.net/").contains("lower-case letters, digits"));
        assertTrue(refusal("a".repeat(33), "https://portal.example.net/").contains("1-32"));
    }

    @Test
    void malformedHostListIsRefused() {
        assertThrows(CustomPortals.InvalidPortalException.class, () -> catalog(Map.of(), List.of("https://x.example")));
    }

    @Test
    void startUpRefusesABadCustomPortal() {
        CustomPortals.InvalidPortalException e = assertThrows(CustomPortals.InvalidPortalException.class,
                () -> catalog(Map.of("docs", portal("https://evil.example/{tenantId}", null)),
                        List.of("portal.example.net")));
        assertTrue(e.getMessage().startsWith("tenantportal.portals.\"docs\".url: host 'evil.example'"), e.getMessage());
    }
}
