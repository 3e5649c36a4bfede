package io.tenantportal.limits;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code tenantportal.limits.*}: how many misses one caller may cause. */
@ConfigMapping(prefix = "tenantportal.limits")
public interface LimitsConfig {

    /**
     * Misses (names that match no single customer, references no customer carries) one caller may
     * cause per {@link #missWindow()} on one replica, on average; {@code 0} switches the limit off.
     */
    @WithDefault("60")
    int misses();

    @WithDefault("1m")
    Duration missWindow();

    /** How many misses a caller may cause at once before the average applies. */
    @WithDefault("30")
    int missBurst();
}
