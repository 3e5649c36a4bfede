package io.tenantportal.portal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * {@code tenantportal.portals."<name>".*} and {@code tenantportal.portal-hosts}: a deployment's own
 * portals beside the built-in catalogue, checked at start-up by {@link CustomPortals}.
 */
@ConfigMapping(prefix = "tenantportal")
public interface PortalConfig {

    Map<String, CustomPortal> portals();

    /** The hosts custom portal templates may point at (comma-separated); none by default. */
    Optional<List<String>> portalHosts();

    interface CustomPortal {
        /** https URL template; placeholders {tenantId}, {initialDomain}, {defaultDomain} outside the host. */
        String url();

        /** The button's text on the analyst page; the name when not set. */
        Optional<String> label();
    }
}
