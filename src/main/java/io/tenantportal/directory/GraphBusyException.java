package io.tenantportal.directory;

import java.time.Duration;
import java.util.Optional;

/** Graph answered 429, 503 or 504 with no wait longer than we may take: the call is tried again. */
final class GraphBusyException extends RuntimeException {

    private final String operation;
    private final int status;
    private final transient Optional<Duration> retryAfter;

    GraphBusyException(String operation, int status, Optional<Duration> retryAfter) {
        super("Graph " + operation + " answered " + status, null, false, false);
        this.operation = operation;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    String operation() {
        return operation;
    }

    int status() {
        return status;
    }

    /** The wait Graph asked for, if it sent a usable {@code Retry-After}. */
    Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
