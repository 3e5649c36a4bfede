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
}
