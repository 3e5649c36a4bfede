package io.tenantportal.limits;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.tenantportal.mssp.Actor;
import io.tenantportal.mssp.Mssp;

/**
 * Limits the misses one caller may cause: a name that matches no single customer costs suggestions,
 * maybe a Microsoft Graph lookup and an access-log row, while a known name costs next to nothing and
 * is never limited. One token bucket (Bucket4j) per caller and replica: an integration by its id, a
 * person or app by MSSP and name. Idle buckets are forgotten.
 */
@ApplicationScoped
public class MissLimiter {

    private static final int MAX_CALLERS = 100_000;

    private final LimitsConfig config;
    private final MeterRegistry metrics;
    private final Cache<String, Bucket> buckets;

    @Inject
    MissLimiter(LimitsConfig config, MeterRegistry metrics) {
        this.config = config;
        this.metrics = metrics;
        Duration idle = config.missWindow().multipliedBy(2);
        this.buckets = Caffeine.newBuilder().expireAfterAccess(idle).maximumSize(MAX_CALLERS).build();
    }

    /**
     * Counts one miss of the caller.
     *
     * @throws TooManyMissesException 429 with Retry-After when the caller has used up its misses
     */
    public void charge(Mssp mssp, Actor actor) {
        if (config.misses() <= 0) {
            return;
        }
        Bucket bucket = buckets.get(key(mssp, actor), k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(Math.max(1, config.missBurst()))
                        .refillGreedy(config.misses(), config.missWindow()).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            metrics.counter("tenantportal.limits.refused", "kind", "miss").increment();
            throw new TooManyMissesException(Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L));
        }
    }

    /** Counts a failed lookup as a miss when it is one (404 or 409); a 429 then replaces it. */
    public void chargeFor(Mssp mssp, Actor actor, RuntimeException failure) {
        if (failure instanceof io.tenantportal.problem.ProblemException problem
                && (problem.status() == 404 || problem.status() == 409)) {
            charge(mssp, actor);
        }
    }

    private static String key(Mssp mssp, Actor actor) {
        return actor.isIntegration() ? "i:" + actor.id() : mssp.id() + ":" + actor.type() + ":" + actor.name();
    }

    /** Forgets every caller's bucket (tests). */
    public void forget() {
        buckets.invalidateAll();
    }
}
