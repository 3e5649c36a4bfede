package io.tenantportal.portal;

import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import io.tenantportal.problem.ProblemException;
import io.tenantportal.tenant.DomainName;

/** Builds portal URLs from the catalogue; no URL leaves here unless its host is on the allowlist. */
@ApplicationScoped
public class PortalCatalog {

    static final Set<String> ALLOWED_HOSTS = Set.of(
            "security.microsoft.com", "purview.microsoft.com", "entra.microsoft.com", "portal.azure.com",
            "intune.microsoft.com", "admin.microsoft.com", "admin.exchange.microsoft.com",
            "admin.teams.microsoft.com", "admin.powerplatform.microsoft.com");

    /** Refuses to start when any template points off the allowlist. */
    void onStart(@Observes StartupEvent event) {
        Stream.concat(Stream.of(Portal.values()).map(Portal::template),
                Stream.of(DeepLink.Kind.values()).map(DeepLink.Kind::template))
                .forEach(template -> requireAllowed(URI.create(template
                        .replace("{tenantId}", "00000000-0000-0000-0000-000000000000")
                        .replace("{initialDomain}", "example.onmicrosoft.com")
                        .replace("{id}", "1"))));
    }

    /**
     * The URL of a customer's portal.
     *
     * @throws ProblemException 409 when the portal needs an initial domain the customer lacks
     */
    public URI url(Portal portal, UUID tenantId, String initialDomain, Optional<DeepLink> deepLink) {
        if (deepLink.isPresent() && portal != Portal.DEFENDER) {
            throw ProblemException.badRequest("Deep links (incident, alert, device) are for the defender portal only.");
        }
        String template = deepLink.map(d -> d.kind().template()).orElse(portal.template());
        String url = template.replace("{tenantId}", tenantId.toString());
        if (portal.needsInitialDomain()) {
            String domain = Optional.ofNullable(initialDomain).flatMap(DomainName::parseInitial)
                    .orElseThrow(() -> new ProblemException(409, "initial-domain-missing", "Initial domain unknown",
                            "The " + portal.wire() + " portal needs the customer's initial (*.onmicrosoft.com) "
                                    + "domain, and none is recorded for this customer."));
            url = url.replace("{initialDomain}", domain);
        }
        if (deepLink.isPresent()) {
            url = url.replace("{id}", deepLink.get().id());
        }
        return requireAllowed(URI.create(url));
    }

    private static URI requireAllowed(URI uri) {
        if (!"https".equals(uri.getScheme()) || uri.getHost() == null || !ALLOWED_HOSTS.contains(uri.getHost())
                || uri.getUserInfo() != null || uri.getPort() != -1) {
            throw new IllegalStateException("portal URL off the allowlist: " + uri.getHost());
        }
        return uri;
    }
}
