package io.tenantportal.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    final AtomicLong now = new AtomicLong();
    final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(10), now::get);

    @Test
    void opensAfterTheThresholdOfFailuresInARow() {
        assertFalse(breaker.failure());
        breaker.success();
        assertFalse(breaker.failure());
        assertFalse(breaker.failure());
        assertTrue(breaker.failure());
        assertEquals(Optional.of(Duration.ofSeconds(10)), breaker.refusal());
    }

    @Test
    void letsOneTrialPassAfterTheOpenTimeAndClosesOnItsSuccess() {
        openIt();
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertEquals(Optional.empty(), breaker.refusal());
        assertTrue(breaker.refusal().isPresent(), "only one trial at a time");
        breaker.success();
        assertFalse(breaker.isOpen());
        assertEquals(Optional.empty(), breaker.refusal());
    }

    @Test
    void aFailedTrialOpensItAgainForTheWholeTime() {
        openIt();
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertEquals(Optional.empty(), breaker.refusal());
        assertTrue(breaker.failure());
        assertEquals(Optional.of(Duration.ofSeconds(10)), breaker.refusal());
    }

    private void openIt() {
        breaker.failure();
        breaker.failure();
        breaker.failure();
        assertTrue(breaker.isOpen());
    }
}
