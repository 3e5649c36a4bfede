package io.tenantportal.portal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;

import io.tenantportal.problem.ProblemException;

/** What a caller asks of a portal link: which portal ({@code ?portal=}, default defender) and an optional deep link. */
public record PortalRequest(Portal portal, Optional<DeepLink> deepLink) {

    public static final PortalRequest DEFAULT = new PortalRequest(Portal.DEFAULT, Optional.empty());

    /**
     * From the query of a portal call.
     *
     * @throws ProblemException 400 for an unknown portal, a malformed deep link, or a parameter given twice
     */
    public static PortalRequest of(MultivaluedMap<String, String> query, PortalCatalog catalog) {
        Portal portal = Optional.ofNullable(single(query, "portal")).map(name -> portalNamed(name, catalog))
                .orElse(Portal.DEFAULT);
        return new PortalRequest(portal, DeepLink.parse(single(query, "incident"), single(query, "alert"),
                single(query, "device")));
    }

    /** The portal of a name in a body (bulk resolve); null means the default. */
    public static Portal portalNamed(String text, PortalCatalog catalog) {
        List<String> names = catalog.all().stream().map(Portal::wire).toList();
        return catalog.find(text).orElseThrow(() -> new ProblemException(400, "invalid-request", "Invalid request",
                "portal: unknown portal; use one of " + String.join(", ", names),
                Map.of("errors", List.of(new ProblemException.FieldError("portal", "unknown portal")),
                        "portals", names)));
    }

    private static String single(MultivaluedMap<String, String> query, String parameter) {
        List<String> values = query.get(parameter);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw ProblemException.invalidField(parameter, "must be given once");
        }
        return values.get(0);
    }
}
