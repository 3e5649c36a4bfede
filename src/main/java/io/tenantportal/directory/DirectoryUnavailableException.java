package io.tenantportal.directory;

import java.time.Duration;
import java.util.Map;

import io.tenantportal.problem.ProblemException;

/** Graph cannot be asked right now (down, throttling, circuit open); the caller should come back later. */
public class DirectoryUnavailableException extends ProblemException {

    private final transient Duration retryAfter;
    private final String reason;

    public DirectoryUnavailableException(String reason, Duration retryAfter) {
        this(reason, seconds(retryAfter));
    }

    private DirectoryUnavailableException(String reason, long retryAfterSeconds) {
        super(503, "directory-unavailable", "Service Unavailable",
                "The name is not known locally and Microsoft Graph cannot be asked right now; retry later.",
                Map.of("retryAfter", retryAfterSeconds), Map.of("Retry-After", Long.toString(retryAfterSeconds)));
        this.retryAfter = Duration.ofSeconds(retryAfterSeconds);
        this.reason = reason;
    }

    /** Whole seconds, at least one: what a Retry-After header can say. */
    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Why, for logs and sync reports; never holds a secret or a token. */
    public String reason() {
        return reason;
    }
}
