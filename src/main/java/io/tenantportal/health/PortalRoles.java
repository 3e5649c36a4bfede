package io.tenantportal.health;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tenantportal.tenant.TenantId;

/**
 * Which Entra role template ids open which portal: data, not code. The built-in sets come from
 * {@code portal-roles.json}; {@code tenantportal.health.roles."<portal>"} replaces a portal's set or
 * gives one to a portal that has none. A portal without any set (a custom portal) uses the default
 * set (Global Administrator, Global Reader). Checked once, at start-up: a bad id stops the service.
 */
@ApplicationScoped
public class PortalRoles {

    static final String RESOURCE = "portal-roles.json";
    private static final String DEFAULT = "default";
    private static final Pattern PORTAL_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    /** A custom portal's name in {@code tenantportal.portals."<name>".url}, quoted or not. */
    private static final Pattern CUSTOM_PORTAL = Pattern.compile("tenantportal\\.portals\\.\"?([^\".]+)\"?\\.url");

    private final Set<UUID> defaultRoles;
    private final Map<String, Set<UUID>> byPortal;
    private final List<String> portals;

    @Inject
    PortalRoles(HealthConfig config, Config all) {
        Map<String, Set<UUID>> sets = builtIn();
        Set<UUID> fallback = sets.remove(DEFAULT);
        if (fallback == null || fallback.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " has no default role set");
        }
        config.roles().forEach((portal, ids) -> {
            String name = portal.strip();
            if (!PORTAL_NAME.matcher(name).matches()) {
                throw new IllegalStateException("tenantportal.health.roles.\"" + portal + "\": not a portal name");
            }
            sets.put(name, parse(ids, "tenantportal.health.roles.\"" + name + "\""));
        });
        this.defaultRoles = fallback;
        this.byPortal = Collections.unmodifiableMap(sets);
        Set<String> names = new LinkedHashSet<>(sets.keySet());
        for (String property : all.getPropertyNames()) {
            Matcher custom = CUSTOM_PORTAL.matcher(property);
            if (custom.matches() && PORTAL_NAME.matcher(custom.group(1)).matches()) {
                names.add(custom.group(1));
            }
        }
        this.portals = List.copyOf(names);
    }

    /** The role template ids that open the portal. */
    public Set<UUID> of(String portal) {
        return byPortal.getOrDefault(portal, defaultRoles);
    }

    /** The portals a customer's health is given for: those with a role set, then custom ones. */
    public List<String> portals() {
        return portals;
    }

    public boolean knows(String portal) {
        return portals.contains(portal);
    }

    private static Map<String, Set<UUID>> builtIn() {
        try (InputStream in = PortalRoles.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing from the class path");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, Set<UUID>> sets = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> portal = it.next();
                if (portal.getKey().startsWith("_")) {
                    continue;
                }
                List<String> ids = new ArrayList<>();
                portal.getValue().elements().forEachRemaining(id -> ids.add(id.asText()));
                sets.put(portal.getKey(), parse(String.join(",", ids), RESOURCE + " " + portal.getKey()));
            }
            return sets;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<UUID> parse(String commaSeparated, String where) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (String part : commaSeparated.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            ids.add(TenantId.parse(part.strip()).orElseThrow(() -> new IllegalStateException(
                    where + ": '" + part.strip() + "' is not a role template id (GUID)")));
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException(where + ": no role template ids");
        }
        return Set.copyOf(ids);
    }
}
