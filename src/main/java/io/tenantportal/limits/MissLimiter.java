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
import io.tenantportal.problem.ProblemException;

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
     * Counts one miss of the caller that memory alone answered (an ambiguous name, an unknown reference).
     *
     * @throws TooManyMissesException 429 with Retry-After when the caller has used up its misses
     */
    public void charge(Mssp mssp, Actor actor) {
        Bucket bucket = bucket(mssp, actor);
        if (bucket == null) {
            return;
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw refused(probe.getNanosToWaitForRefill());
        }
    }

    /**
     * Before a name memory does not know is asked of the directory: refused when the caller has no miss
     * left, so a flood of unknown names stops before it costs Graph calls. Nothing is counted yet: a
     * name the directory knows is a known name, and known names are free.
     *
     * @throws TooManyMissesException 429 with Retry-After when the caller has used up its misses
     */
    public void requireAvailable(Mssp mssp, Actor actor) {
        Bucket bucket = bucket(mssp, actor);
        if (bucket != null && bucket.getAvailableTokens() < 1) {
            throw refused(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
        }
    }

    /** Counts what the directory could not answer either (404, 409, 503) as a miss; never refuses. */
    public void chargeAfter(Mssp mssp, Actor actor, Throwable failure) {
        if (failure instanceof ProblemException problem && isMiss(problem.status())) {
            count(mssp, actor);
        }
    }

    /** Counts one miss that has already been answered; never refuses. */
    public void count(Mssp mssp, Actor actor) {
        Bucket bucket = bucket(mssp, actor);
        if (bucket != null) {
            bucket.tryConsume(1);
        }
    }

    /** Counts a failure memory answered as a miss when it is one (404 or 409); a 429 then replaces it. */
    public void chargeFor(Mssp mssp, Actor actor, RuntimeException failure) {
        if (failure instanceof ProblemException problem && isMiss(problem.status())) {
            charge(mssp, actor);
        }
    }

    private static boolean isMiss(int status) {
        return status == 404 || status == 409 || status == 503;
    }

    private Bucket bucket(Mssp mssp, Actor actor) {
        if (config.misses() <= 0) {
            return null;
        }
        return buckets.get(key(mssp, actor), k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(Math.max(1, config.missBurst()))
                        .refillGreedy(config.misses(), config.missWindow()).build())
                .build());
    }

    private TooManyMissesException refused(long nanosToWait) {
        metrics.counter("tenantportal.limits.refused", "kind", "miss").increment();
        return new TooManyMissesException(Math.max(1, (nanosToWait + 999_999_999L) / 1_000_000_000L));
    }

    private static String key(Mssp mssp, Actor actor) {
        return actor.isIntegration() ? "i:" + actor.id() : mssp.id() + ":" + actor.type() + ":" + actor.name();
    }

    /** Forgets every caller's bucket (tests). */
    public void forget() {
        buckets.invalidateAll();
    }
}
