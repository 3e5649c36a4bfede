package io.tenantportal.limits;

import java.util.Map;

import io.tenantportal.problem.ProblemException;

/** A caller caused more misses than its limit allows; known names still work. */
public class TooManyMissesException extends ProblemException {

    public TooManyMissesException(long retryAfterSeconds) {
        super(429, "too-many-misses", "Too Many Requests", "Too many names from this caller matched no single "
                + "customer; names that match still work. Retry the others after " + retryAfterSeconds + " s.",
                Map.of("retryAfter", retryAfterSeconds), Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }
}
