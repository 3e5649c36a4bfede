package io.tenantportal.directory;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code tenantportal.sync.*}: the scheduled directory sync. */
@ConfigMapping(prefix = "tenantportal.sync")
public interface SyncConfig {

    /** Time between scheduled syncs of every MSSP with Graph; {@code 0} turns the schedule off. */
    @WithDefault("1h")
    Duration interval();

    /**
     * Graph customers without an initial domain whose tenant is asked for it per sync (scheduled or
     * manual; never a sync a miss waits for); {@code 0} turns the lookup off.
     */
    @WithDefault("200")
    int initialDomainLookups();

    /** How long a customer tenant that refused (or named no initial domain) is left alone before asking again. */
    @WithDefault("1d")
    Duration initialDomainRetry();
}
