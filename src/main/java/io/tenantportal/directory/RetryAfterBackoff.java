package io.tenantportal.directory;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import io.smallrye.faulttolerance.api.CustomBackoffStrategy;

/**
 * The wait before SmallRye Fault Tolerance tries a Graph call again: the {@code Retry-After} Graph sent
 * (seconds or an HTTP date), else exponential back-off from the configured first wait with "equal
 * jitter", capped at {@code max-retry-after}; no wait after a lost connection, as a new one is tried
 * (the tries still count towards the back-off). SmallRye makes one instance per call, so it counts the
 * call's retries; its own exponential back-off cannot read a header, hence this strategy.
 */
final class RetryAfterBackoff implements CustomBackoffStrategy {

    private final Duration cap;
    private long firstWaitMillis;
    private int retries;

    RetryAfterBackoff(Duration cap) {
        this.cap = cap;
    }

    @Override
    public void init(long initialDelayInMillis) {
        firstWaitMillis = initialDelayInMillis;
    }

    @Override
    public synchronized long nextDelayInMillis(Throwable failure) {
        retries++;
        if (failure instanceof GraphConnectionLostException) {
            return 0;
        }
        if (failure instanceof GraphBusyException busy && busy.retryAfter().isPresent()) {
            return busy.retryAfter().get().toMillis();
        }
        long doubled = firstWaitMillis << Math.min(retries - 1, 20);
        long capped = Math.min(doubled, cap.toMillis());
        long half = capped / 2;
        return half + ThreadLocalRandom.current().nextLong(half + 1);
    }

    /** {@code Retry-After} as seconds or as an HTTP date; empty when absent or unreadable. */
    static Optional<Duration> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String text = value.strip();
        if (text.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
        }
        try {
            Duration until = Duration.between(ZonedDateTime.now(),
                    ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME));
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
