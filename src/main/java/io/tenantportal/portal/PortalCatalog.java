package io.tenantportal.portal;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.tenantportal.problem.ProblemException;
import io.tenantportal.tenant.CustomerView;
import io.tenantportal.tenant.DomainName;
import io.tenantportal.tenant.SharepointName;

/**
 * The portal catalogue: the built-in portals and the deployment's own (checked at start-up). Builds
 * portal URLs; no URL leaves here unless its host is on the allowlist.
 */
@ApplicationScoped
public class PortalCatalog {

    private static final Logger LOG = Logger.getLogger(PortalCatalog.class);

    static final Set<String> ALLOWED_HOSTS = Set.of(
            "security.microsoft.com", "purview.microsoft.com", "entra.microsoft.com", "portal.azure.com",
            "intune.microsoft.com", "admin.microsoft.com", "admin.exchange.microsoft.com",
            "admin.teams.microsoft.com", "admin.powerplatform.microsoft.com", "make.powerapps.com",
            "app.powerbi.com");
    /** SharePoint admin centres live on one host per tenant: {@code <sharepointName>-admin.sharepoint.com}. */
    static final Pattern SHAREPOINT_ADMIN_HOST = Pattern.compile(SharepointName.PATTERN + "-admin\\.sharepoint\\.com");

    private static final String SAMPLE_TENANT = "00000000-0000-0000-0000-000000000000";

    @Inject
    PortalConfig config;

    /** Every portal by wire name: the built-in ones first, then the configured ones. */
    private volatile Map<String, Portal> portals = byWire(Portal.BUILT_IN);
    private volatile Set<String> customHosts = Set.of();

    /** Refuses to start when a custom portal is malformed, or any template points off the allowlist. */
    void onStart(@Observes StartupEvent event) {
        configure(CustomPortals.hosts(config), CustomPortals.from(config));
        Stream.concat(portals.values().stream().map(Portal::template),
                Stream.of(DeepLink.Kind.values()).map(DeepLink.Kind::template))
                .forEach(template -> requireAllowed(URI.create(sample(template).replace("{id}", "1"))));
        List<Portal> custom = portals.values().stream().filter(p -> !p.builtIn()).toList();
        if (!custom.isEmpty()) {
            LOG.infof("Custom portals: %s", custom.stream().map(Portal::wire).toList());
        }
    }

    void configure(Set<String> hosts, List<Portal> custom) {
        List<Portal> all = new ArrayList<>(Portal.BUILT_IN);
        all.addAll(custom);
        customHosts = Set.copyOf(hosts);
        portals = byWire(all);
    }

    /** Every portal, built-in first, in the order the page shows them. */
    public List<Portal> all() {
        return List.copyOf(portals.values());
    }

    public Optional<Portal> find(String wire) {
        return Optional.ofNullable(portals.get(wire.strip().toLowerCase(Locale.ROOT)));
    }

    /**
     * The URL of a customer's portal, absolute and on the allowlist.
     *
     * @throws ProblemException 409 when the portal needs a domain (or SharePoint name) the customer lacks
     */
    public String url(Portal portal, CustomerView customer, Optional<DeepLink> deepLink) {
        if (deepLink.isPresent() && !portal.equals(Portal.DEFENDER)) {
            throw ProblemException.badRequest("Deep links (incident, alert, device) are for the defender portal only.");
        }
        String template = deepLink.map(d -> d.kind().template()).orElse(portal.template());
        String url = template.replace(Portal.Placeholder.TENANT_ID.token(), UUID.fromString(customer.tenantId()).toString());
        boolean tenantIdOnly = deepLink.isEmpty();
        for (Portal.Placeholder placeholder : portal.placeholders()) {
            url = switch (placeholder) {
                case TENANT_ID -> url;
                case INITIAL_DOMAIN -> url.replace(placeholder.token(), initialDomain(portal, customer));
                case DEFAULT_DOMAIN -> url.replace(placeholder.token(), defaultDomain(portal, customer));
                case SHAREPOINT_NAME -> url.replace(placeholder.token(), sharepointName(portal, customer));
            };
            tenantIdOnly &= placeholder == Portal.Placeholder.TENANT_ID;
        }
        if (deepLink.isPresent()) {
            url = url.replace("{id}", deepLink.get().id());
        }
        // Every template passed the allowlist at start-up, and a canonical UUID cannot move a URL to another
        // host: only a URL that took other values (domains, names, deep-link ids) is parsed and checked again.
        return tenantIdOnly ? url : requireAllowed(URI.create(url)).toString();
    }

    private static String initialDomain(Portal portal, CustomerView customer) {
        return Optional.ofNullable(customer.initialDomain()).flatMap(DomainName::parseInitial)
                .orElseThrow(() -> missing(portal, "initial-domain-missing", "Initial domain unknown",
                        "needs the customer's initial (*.onmicrosoft.com) domain, and none is recorded for this "
                                + "customer. " + SET_INITIAL_DOMAIN));
    }

    private static String defaultDomain(Portal portal, CustomerView customer) {
        return Optional.ofNullable(customer.defaultDomain()).flatMap(DomainName::parse)
                .orElseThrow(() -> missing(portal, "default-domain-missing", "Default domain unknown",
                        "needs the customer's default domain, and none is recorded for this customer. Set it with "
                                + "PUT /tenants/{tenantId} (field defaultDomain) or the import's defaultDomain column."));
    }

    private static String sharepointName(Portal portal, CustomerView customer) {
        return Optional.ofNullable(customer.sharepointName()).flatMap(SharepointName::parse)
                .or(() -> SharepointName.ofInitialDomain(customer.initialDomain()))
                .orElseThrow(() -> missing(portal, "sharepoint-name-missing", "SharePoint name unknown",
                        "needs the customer's SharePoint tenant name (as in <name>-admin.sharepoint.com), taken from "
                                + "sharepointName or else from the initial (*.onmicrosoft.com) domain, and the customer "
                                + "has neither. Either set sharepointName with PUT /tenants/{tenantId} (or the JSON "
                                + "import), or set the initial domain: " + SET_INITIAL_DOMAIN));
    }

    private static final String SET_INITIAL_DOMAIN = "Set it with PUT /tenants/{tenantId} (field initialDomain, "
            + "e.g. \"contoso.onmicrosoft.com\"; for a customer the directory sync manages, send \"source\": \"graph\" "
            + "too, as GET returns it, so the sync keeps managing it), or for many customers at once with POST /import "
            + "(column initialDomain; an export's rows already carry source graph for such customers).";

    private static ProblemException missing(Portal portal, String type, String title, String detail) {
        return new ProblemException(409, type, title, "The " + portal.wire() + " portal " + detail);
    }

    /** The template with sample values, to check its shape. */
    static String sample(String template) {
        return template.replace(Portal.Placeholder.TENANT_ID.token(), SAMPLE_TENANT)
                .replace(Portal.Placeholder.INITIAL_DOMAIN.token(), "example.onmicrosoft.com")
                .replace(Portal.Placeholder.DEFAULT_DOMAIN.token(), "example.com")
                .replace(Portal.Placeholder.SHAREPOINT_NAME.token(), "example");
    }

    private URI requireAllowed(URI uri) {
        String host = uri.getHost();
        boolean allowed = host != null && (ALLOWED_HOSTS.contains(host) || customHosts.contains(host)
                || SHAREPOINT_ADMIN_HOST.matcher(host).matches());
        if (!"https".equals(uri.getScheme()) || !allowed || uri.getUserInfo() != null || uri.getPort() != -1) {
            throw new IllegalStateException("portal URL off the allowlist: " + host);
        }
        return uri;
    }

    private static Map<String, Portal> byWire(List<Portal> list) {
        Map<String, Portal> map = new LinkedHashMap<>();
        list.forEach(p -> map.put(p.wire(), p));
        return map;
    }
}
