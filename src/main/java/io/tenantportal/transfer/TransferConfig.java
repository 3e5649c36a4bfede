package io.tenantportal.transfer;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code tenantportal.import.*}: how much one import or match call may send. The HTTP layer's own
 * body limit, {@code quarkus.http.limits.max-body-size}, is set from {@link #maxBytes()} in
 * application.properties: imports are the large bodies, and it answers 413 problem+json first.
 */
@ConfigMapping(prefix = "tenantportal.import")
public interface TransferConfig {

    /** Largest body of POST /import and POST /import/match; more is refused with 413 before it is read. */
    @WithDefault("50M")
    MemorySize maxBytes();

    /** Most data rows of one import; more is refused with 413. */
    @WithDefault("100000")
    int maxRows();

    /** Most companies of one POST /import/match; more is refused with 400. */
    @WithDefault("10000")
    int maxCompanies();
}
