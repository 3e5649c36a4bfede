package io.tenantportal.health;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code tenantportal.health.*}: which roles open which portal, and how quickly replicas follow a sync. */
@ConfigMapping(prefix = "tenantportal.health")
public interface HealthConfig {

    /**
     * Per portal wire name, comma-separated role template ids that open it; replaces the built-in set of
     * that portal (portal-roles.json), or gives a portal without one (a custom portal) its own.
     */
    Map<String, String> roles();

    /** How often a replica checks whether another replica stored newer relationships. */
    @WithDefault("2s")
    Duration refreshInterval();
}
