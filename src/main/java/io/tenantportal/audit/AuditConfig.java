package io.tenantportal.audit;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code tenantportal.audit.*}: how long the audit log is kept, and how many accesses may wait to be written. */
@ConfigMapping(prefix = "tenantportal.audit")
public interface AuditConfig {

    /** Entries older than this are purged daily. */
    @WithDefault("400d")
    Duration retention();

    /** Accesses waiting in memory for the next batch write; beyond this they are dropped and counted. */
    @WithDefault("20000")
    int queueCapacity();

    /**
     * Whether resolves are recorded at all. On by default; off only to measure what the access log
     * costs (bench/redirect.sh), since without it nobody can tell who opened which customer.
     */
    @WithDefault("true")
    boolean access();
}
