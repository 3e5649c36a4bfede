package io.tenantportal.directory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.tenantportal.mssp.Mssp;

/**
 * GET requests to Graph for one MSSP: its token, one retry layer for throttling (429) and busy
 * answers (503, 504) that honours {@code Retry-After} up to a cap or backs off exponentially with
 * jitter, a bounded number of tries, and a circuit breaker per MSSP around all of it. Nothing else
 * in the application retries Graph calls.
 */
@ApplicationScoped
class GraphClient {

    private static final Logger LOG = Logger.getLogger(GraphClient.class);
    private static final Set<Integer> RETRYABLE = Set.of(429, 503, 504);

    @Inject
    GraphConfig config;

    @Inject
    GraphAccess access;

    @Inject
    GraphTokens tokens;

    @Inject
    GraphHttp http;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry metrics;

    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

    /**
     * The JSON body of a 200 answer; empty when Graph says the thing does not exist (404, or 400 for a
     * name it cannot look up).
     *
     * @throws DirectoryForbiddenException on 403
     * @throws DirectoryUnavailableException when Graph cannot be asked or keeps failing
     */
    Optional<JsonNode> get(Mssp mssp, String operation, URI uri) {
        GraphAccess.Credentials credentials = access.of(mssp)
                .orElseThrow(() -> new IllegalStateException("MSSP " + mssp.key() + " has no Graph"));
        CircuitBreaker breaker = breakers.computeIfAbsent(mssp.key(), k -> new CircuitBreaker(
                config.breaker().failureThreshold(), config.breaker().openFor(), System::nanoTime));
        Optional<Duration> refusal = breaker.refusal();
        if (refusal.isPresent()) {
            metrics.counter("tenantportal.graph.calls", "operation", operation, "status", "circuit-open").increment();
            throw new DirectoryUnavailableException("circuit open for MSSP " + mssp.key(), refusal.get());
        }
        try {
            Optional<JsonNode> body = withRetries(mssp, credentials, operation, uri);
            breaker.success();
            return body;
        } catch (DirectoryForbiddenException e) {
            breaker.success();
            throw e;
        } catch (DirectoryUnavailableException e) {
            if (breaker.failure()) {
                LOG.warnf("MSSP '%s': circuit to Graph opened for %s after: %s", mssp.key(),
                        config.breaker().openFor(), e.reason());
                metrics.counter("tenantportal.graph.circuit.opened").increment();
            }
            throw e;
        }
    }

    private Optional<JsonNode> withRetries(Mssp mssp, GraphAccess.Credentials credentials, String operation,
            URI uri) {
        boolean tokenRenewed = false;
        int attempt = 0;
        while (true) {
            attempt++;
            String token = tokens.token(mssp.key(), credentials);
            HttpResponse<byte[]> response = http.send(operation,
                    http.request(uri).header("Authorization", "Bearer " + token).GET().build());
            int status = response.statusCode();
            if (status == 200) {
                return Optional.of(parse(operation, response.body()));
            }
            if (status == 401 && !tokenRenewed) {
                // A token revoked or rotated early: one fresh token, not a retry of the same request.
                tokens.invalidate(mssp.key());
                tokenRenewed = true;
                attempt--;
                continue;
            }
            if (status == 404 || status == 400) {
                return Optional.empty();
            }
            if (status == 403) {
                throw new DirectoryForbiddenException(operation);
            }
            if (!RETRYABLE.contains(status)) {
                throw new DirectoryUnavailableException("Graph " + operation + " answered " + status,
                        config.breaker().openFor());
            }
            if (status == 429) {
                metrics.counter("tenantportal.graph.throttles", "operation", operation).increment();
            }
            Optional<Duration> asked = retryAfter(response);
            Duration wait = asked.isPresent() ? asked.get() : backoff(attempt);
            if (attempt >= config.maxAttempts() || wait.compareTo(config.maxRetryAfter()) > 0) {
                throw new DirectoryUnavailableException("Graph " + operation + " answered " + status + " "
                        + attempt + " time(s)", wait);
            }
            metrics.counter("tenantportal.graph.retries", "operation", operation).increment();
            LOG.debugf("Graph %s answered %d; try %d of %d in %d ms", operation, status, attempt + 1,
                    config.maxAttempts(), wait.toMillis());
            Waiting.sleep(wait);
        }
    }

    /** Exponential back-off from the configured first wait, capped, with "equal jitter". */
    Duration backoff(int attempt) {
        long base = config.backoff().toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, config.maxRetryAfter().toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    /** Retry-After as seconds or as an HTTP date. */
    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(GraphClient::parseRetryAfter);
    }

    static Optional<Duration> parseRetryAfter(String value) {
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

    private JsonNode parse(String operation, byte[] body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new DirectoryUnavailableException("Graph " + operation + " answered unreadable JSON",
                    config.breaker().openFor());
        }
    }

    void forget() {
        breakers.clear();
    }
}
