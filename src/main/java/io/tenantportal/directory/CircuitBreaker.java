package io.tenantportal.directory;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Stops asking a failing Graph: after {@code threshold} failed calls in a row the circuit opens and
 * refuses calls for {@code openFor}; then one trial call may pass, and its outcome closes the circuit
 * or opens it again. A call that Graph answers, even with 403 or 404, is a success here.
 */
final class CircuitBreaker {

    private final int threshold;
    private final long openForNanos;
    private final LongSupplier nanoClock;

    private int failuresInRow;
    private long openUntil;
    private boolean open;
    private boolean trialInFlight;

    CircuitBreaker(int threshold, Duration openFor, LongSupplier nanoClock) {
        this.threshold = Math.max(1, threshold);
        this.openForNanos = openFor.toNanos();
        this.nanoClock = nanoClock;
    }

    /** Empty when a call may go ahead; else how long until one may. */
    synchronized Optional<Duration> refusal() {
        if (!open) {
            return Optional.empty();
        }
        long now = nanoClock.getAsLong();
        if (now - openUntil >= 0 && !trialInFlight) {
            trialInFlight = true;
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(Math.max(openUntil - now, Duration.ofSeconds(1).toNanos())));
    }

    synchronized void success() {
        failuresInRow = 0;
        open = false;
        trialInFlight = false;
    }

    /** @return true when this failure opened the circuit */
    synchronized boolean failure() {
        failuresInRow++;
        boolean opens = trialInFlight || (!open && failuresInRow >= threshold);
        trialInFlight = false;
        if (opens) {
            open = true;
            openUntil = nanoClock.getAsLong() + openForNanos;
        }
        return opens;
    }

    synchronized boolean isOpen() {
        return open;
    }
}
