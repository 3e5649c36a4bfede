package io.tenantportal.portal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a deployment's custom portals before anything is served: a name that cannot clash with the
 * built-in ones, an https template whose scheme, host and port are fixed text, whose host is on
 * {@code tenantportal.portal-hosts}, and whose placeholders are only {tenantId}, {initialDomain} and
 * {defaultDomain}. Any fault stops the start with a message naming the property to fix.
 */
final class CustomPortals {

    static final Pattern NAME = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?");
    /** What a label may hold: printable text, no markup-breaking control characters. */
    private static final Pattern LABEL = Pattern.compile("[\\p{L}\\p{N}\\p{P}\\p{Zs}\\p{S}&&[^<>]]{1,40}");
    private static final Pattern HOST = Pattern.compile(
            "(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?");
    static final Set<Portal.Placeholder> ALLOWED = EnumSet.of(Portal.Placeholder.TENANT_ID,
            Portal.Placeholder.INITIAL_DOMAIN, Portal.Placeholder.DEFAULT_DOMAIN);

    /** A custom portal configuration that cannot be served; the message names the property. */
    static final class InvalidPortalException extends IllegalStateException {
        InvalidPortalException(String message) {
            super(message);
        }
    }

    private CustomPortals() {
    }

    /**
     * The configured portals, by name, after every check.
     *
     * @throws InvalidPortalException naming the property at fault
     */
    static List<Portal> from(PortalConfig config) {
        Set<String> hosts = hosts(config);
        List<Portal> portals = new ArrayList<>();
        // sorted, so that the page shows custom portals in a stable order
        for (Map.Entry<String, PortalConfig.CustomPortal> entry : new TreeMap<>(config.portals()).entrySet()) {
            portals.add(check(entry.getKey(), entry.getValue().url(), entry.getValue().label().orElse(null), hosts));
        }
        return List.copyOf(portals);
    }

    static Set<String> hosts(PortalConfig config) {
        Set<String> hosts = new java.util.LinkedHashSet<>();
        for (String given : config.portalHosts().orElse(List.of())) {
            String host = given.strip().toLowerCase(Locale.ROOT);
            if (host.isEmpty()) {
                continue;
            }
            if (!HOST.matcher(host).matches()) {
                throw new InvalidPortalException("tenantportal.portal-hosts: '" + host + "' is not a host name "
                        + "(list host names only, e.g. portal.example.net, without scheme, port or path)");
            }
            hosts.add(host);
        }
        return hosts;
    }

    /** One custom portal, checked. */
    static Portal check(String name, String template, String label, Set<String> hosts) {
        String property = "tenantportal.portals.\"" + name + "\"";
        if (!NAME.matcher(name).matches()) {
            throw new InvalidPortalException(property + ": the name must be 1-32 lower-case letters, digits and "
                    + "'-' (not at either end)");
        }
        if (Portal.BUILT_IN.stream().anyMatch(p -> p.wire().equals(name))) {
            throw new InvalidPortalException(property + ": '" + name + "' is a built-in portal; choose another name");
        }
        String urlProperty = property + ".url";
        String url = template == null ? "" : template.strip();
        if (!url.startsWith("https://")) {
            throw new InvalidPortalException(urlProperty + ": the template must start with https:// (plain http "
                    + "and other schemes are refused)");
        }
        Matcher m = Portal.PLACEHOLDER.matcher(url);
        while (m.find()) {
            boolean known = ALLOWED.stream().anyMatch(p -> p.field().equals(m.group(1)));
            if (!known) {
                throw new InvalidPortalException(urlProperty + ": unknown placeholder {" + m.group(1) + "}; use only "
                        + ALLOWED.stream().map(Portal.Placeholder::token).collect(Collectors.joining(", ")));
            }
        }
        if (m.replaceAll("").contains("{") || m.replaceAll("").contains("}")) {
            throw new InvalidPortalException(urlProperty + ": a '{' or '}' outside a placeholder");
        }
        String rest = url.substring("https://".length());
        int end = firstOf(rest, "/?#");
        String authority = rest.substring(0, end);
        if (authority.contains("{")) {
            throw new InvalidPortalException(urlProperty + ": a placeholder in the host or port; the host must be "
                    + "fixed text so that it can be checked against tenantportal.portal-hosts");
        }
        if (authority.contains("@")) {
            throw new InvalidPortalException(urlProperty + ": user information before the host is not allowed");
        }
        if (authority.contains(":")) {
            throw new InvalidPortalException(urlProperty + ": a port is not allowed; portals are reached on the "
                    + "standard https port");
        }
        String host = authority.toLowerCase(Locale.ROOT);
        if (!hosts.contains(host)) {
            throw new InvalidPortalException(urlProperty + ": host '" + host + "' is not listed in "
                    + "tenantportal.portal-hosts" + (hosts.isEmpty() ? " (which is empty)" : " " + hosts));
        }
        try {
            URI sample = new URI(PortalCatalog.sample(url));
            if (!host.equals(sample.getHost())) {
                throw new InvalidPortalException(urlProperty + ": the template's host does not parse as '" + host + "'");
            }
        } catch (URISyntaxException e) {
            throw new InvalidPortalException(urlProperty + ": not a valid URL (" + e.getReason() + ")");
        }
        String shown = label == null || label.isBlank() ? name : label.strip();
        if (!LABEL.matcher(shown).matches()) {
            throw new InvalidPortalException(property + ".label: 1-40 printable characters, no '<' or '>'");
        }
        return Portal.custom(name, shown, url);
    }

    private static int firstOf(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }
}
