package io.tenantportal.directory;

import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import io.tenantportal.mssp.Mssp;

/**
 * The fault-tolerant wrapper around {@link GraphApi}, the only way the application talks to Graph: the
 * MSSP's token, SmallRye Fault Tolerance retries for throttling (429) and busy answers (503, 504) that
 * honour {@code Retry-After} (see {@link RetryAfterBackoff}) and for a lost connection (tried again at
 * once; a timeout is not tried again), and a circuit breaker per MSSP around
 * them. Nothing else retries Graph calls. Callers see JSON, "not there" (empty) or the directory's
 * exceptions, never HTTP.
 */
@ApplicationScoped
class GraphClient {

    private static final Logger LOG = Logger.getLogger(GraphClient.class);
    private static final Set<Integer> RETRYABLE = Set.of(429, 503, 504);
    private static final TypeLiteral<Optional<JsonNode>> ANSWER = new TypeLiteral<>() {
    };

    private final GraphConfig config;
    private final GraphTokenClients tokens;
    private final MeterRegistry metrics;
    private final GraphApi api;
    private final Guard retries;
    /**
     * One circuit breaker per MSSP, so one MSSP's broken app registration never shuts Graph off for
     * another. The {@code @CircuitBreaker} annotation keeps one state per method, whatever its arguments,
     * hence SmallRye's programmatic guards, made when an MSSP first calls Graph.
     */
    private final Map<String, Breaker> breakers = new ConcurrentHashMap<>();

    @Inject
    GraphClient(GraphConfig config, GraphTokenClients tokens, MeterRegistry metrics) {
        this.config = config;
        this.tokens = tokens;
        this.metrics = metrics;
        this.api = restClient(config, config.baseUrl(), GraphApi.class);
        // Retries inside the breaker (one guard would put them outside): a call that fails after all its
        // tries counts once towards opening the circuit, as breaker.failure-threshold says.
        this.retries = Guard.create()
                .withDescription("Microsoft Graph call")
                .withRetry()
                .maxRetries(Math.max(0, config.maxAttempts() - 1))
                .retryOn(List.of(GraphBusyException.class, GraphConnectionLostException.class))
                .delay(config.backoff().toMillis(), ChronoUnit.MILLIS)
                .jitter(0, ChronoUnit.MILLIS)
                .maxDuration(0, ChronoUnit.MILLIS)
                .withCustomBackoff().strategy(() -> new RetryAfterBackoff(config.maxRetryAfter())).done()
                .beforeRetry(this::beforeRetry)
                .done()
                .build();
    }

    /** The JSON of the first page of a customer list; empty when Graph says it is not there. */
    Optional<JsonNode> firstPage(Mssp mssp, CustomerList list, int top) {
        return get(mssp, operation(list), bearer -> list == CustomerList.GDAP
                ? api.delegatedAdminCustomers(bearer, top)
                : api.contracts(bearer, top));
    }

    /** The JSON of a next page; {@code nextLink} must be on Graph (checked by the caller). */
    Optional<JsonNode> nextPage(Mssp mssp, CustomerList list, String nextLink) {
        return get(mssp, operation(list), bearer -> api.nextPage(nextLink, bearer));
    }

    /** Graph's tenant information of a validated domain; empty when no tenant has it. */
    Optional<JsonNode> tenantInformation(Mssp mssp, String domain) {
        return get(mssp, "find-tenant",
                bearer -> api.findTenantInformationByDomainName(bearer, ODataLiteral.string(domain)));
    }

    static String operation(CustomerList list) {
        return "list-" + list.wire();
    }

    /**
     * @throws DirectoryForbiddenException on 403
     * @throws DirectoryUnavailableException when Graph cannot be asked or keeps failing
     */
    private Optional<JsonNode> get(Mssp mssp, String operation, Function<String, Response> call) {
        return get(mssp, operation, call, renew -> renew ? tokens.renewedBearer(mssp) : tokens.bearer(mssp));
    }

    /** Whose token a call carries: the MSSP's own, or its app's in a customer's tenant. */
    @FunctionalInterface
    private interface Bearer {
        String get(boolean renew);
    }

    private Optional<JsonNode> get(Mssp mssp, String operation, Function<String, Response> call, Bearer bearer) {
        Breaker breaker = breakers.computeIfAbsent(mssp.key(), Breaker::new);
        try {
            return breaker.guard.get(() -> withRetries(operation, call, bearer), ANSWER);
        } catch (CircuitBreakerOpenException e) {
            count(operation, "circuit-open");
            throw new DirectoryUnavailableException("circuit open for MSSP " + mssp.key(), breaker.untilTrial());
        }
    }

    private Optional<JsonNode> withRetries(String operation, Function<String, Response> call, Bearer bearer) {
        AtomicInteger tries = new AtomicInteger();
        try {
            return retries.get(() -> {
                tries.incrementAndGet();
                return once(operation, call, bearer);
            }, ANSWER);
        } catch (GraphBusyException busy) {
            throw new DirectoryUnavailableException("Graph " + operation + " answered " + busy.status() + " "
                    + tries.get() + " time(s)", busy.retryAfter().orElse(config.backoff()));
        } catch (GraphConnectionLostException lost) {
            throw unavailable(lost.getMessage());
        }
    }

    /** One try: the call, and once more with a new token when Graph refuses ours (revoked or rotated early). */
    private Optional<JsonNode> once(String operation, Function<String, Response> call, Bearer bearer) {
        Response response = send(operation, () -> call.apply(bearer.get(false)));
        if (response.getStatus() == 401) {
            response.close();
            response = send(operation, () -> call.apply(bearer.get(true)));
        }
        try (Response answer = response) {
            return read(operation, answer);
        }
    }

    private Optional<JsonNode> read(String operation, Response response) {
        int status = response.getStatus();
        if (status == 200) {
            try {
                return Optional.of(response.readEntity(JsonNode.class));
            } catch (ProcessingException e) {
                throw unavailable("Graph " + operation + " answered unreadable JSON");
            }
        }
        if (status == 404 || status == 400) {
            return Optional.empty();
        }
        if (status == 403) {
            throw new DirectoryForbiddenException(operation);
        }
        if (!RETRYABLE.contains(status)) {
            throw unavailable("Graph " + operation + " answered " + status);
        }
        if (status == 429) {
            metrics.counter("tenantportal.graph.throttles", "operation", operation).increment();
        }
        Optional<Duration> asked = RetryAfterBackoff.parse(response.getHeaderString("Retry-After"));
        if (asked.isPresent() && asked.get().compareTo(config.maxRetryAfter()) > 0) {
            // Longer than we may wait: the caller passes Graph's Retry-After on instead of waiting.
            throw new DirectoryUnavailableException("Graph " + operation + " answered " + status
                    + " with Retry-After " + asked.get().toSeconds() + " s", asked.get());
        }
        throw new GraphBusyException(operation, status, asked);
    }

    private Response send(String operation, Supplier<Response> call) {
        try {
            Response response = call.get();
            count(operation, Integer.toString(response.getStatus()));
            return response;
        } catch (ProcessingException e) {
            // Vert.x, under the REST client, reports a read or connect timeout as a TimeoutException.
            boolean timedOut = causedBy(e, TimeoutException.class);
            count(operation, timedOut ? "timeout" : "io-error");
            LOG.warnf("Graph %s %s", operation, timedOut ? "timed out" : "failed: " + rootName(e));
            if (timedOut) {
                // A call that already waited the whole read timeout is not waited for again.
                throw unavailable("Graph " + operation + " timed out");
            }
            throw new GraphConnectionLostException(operation, rootName(e));
        }
    }

    private void beforeRetry(Throwable failure) {
        if (failure instanceof GraphBusyException busy) {
            metrics.counter("tenantportal.graph.retries", "operation", busy.operation()).increment();
            LOG.debugf("Graph %s answered %d; trying again", busy.operation(), busy.status());
        } else if (failure instanceof GraphConnectionLostException lost) {
            metrics.counter("tenantportal.graph.retries", "operation", lost.operation()).increment();
            LOG.debugf("Graph %s lost its connection (%s); trying again", lost.operation(), lost.rootCause());
        }
    }

    private DirectoryUnavailableException unavailable(String reason) {
        return new DirectoryUnavailableException(reason, config.breaker().openFor());
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootName(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }

    private void count(String operation, String status) {
        metrics.counter("tenantportal.graph.calls", "operation", operation, "status", status).increment();
    }

    /**
     * The page after {@code body} as Graph's {@code @odata.nextLink} names it, only when it is on Graph
     * itself: the token is never sent to a host a response named.
     *
     * @throws DirectoryUnavailableException when the link points anywhere else
     */
    Optional<String> nextLink(JsonNode body, String operation) {
        String link = body.path("@odata.nextLink").asText(null);
        if (link == null || link.isBlank()) {
            return Optional.empty();
        }
        if (!link.startsWith(trimSlash(config.baseUrl()) + "/")) {
            throw new DirectoryUnavailableException("Graph " + operation + " named a next page outside Graph",
                    config.breaker().openFor());
        }
        return Optional.of(link);
    }

    /**
     * A REST client for one of Microsoft's endpoints, with GraphConfig's timeouts, no redirects and no
     * default exception mapping (callers read the status themselves). Built here rather than from
     * quarkus.rest-client.* so the timeouts stay the Durations of GraphConfig.
     */
    static <T> T restClient(GraphConfig config, String baseUrl, Class<T> api) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(trimSlash(baseUrl)))
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                .disableDefaultMapper(true)
                .build(api);
    }

    static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** One MSSP's circuit: open after {@code failure-threshold} failed calls in a row, for {@code open-for}. */
    private final class Breaker {
        final Guard guard;
        volatile long openedAtNanos;

        Breaker(String msspKey) {
            int threshold = Math.max(1, config.breaker().failureThreshold());
            guard = Guard.create()
                    .withDescription("Microsoft Graph of MSSP " + msspKey)
                    .withCircuitBreaker()
                    // A window of `threshold` calls that all failed: that many failures in a row.
                    .requestVolumeThreshold(threshold)
                    .failureRatio(1.0)
                    .successThreshold(1)
                    .delay(config.breaker().openFor().toMillis(), ChronoUnit.MILLIS)
                    // Graph answering 403 or 404 is Graph working; only "cannot be asked" counts against it.
                    .failOn(DirectoryUnavailableException.class)
                    .onStateChange(state -> {
                        if (state == CircuitBreakerState.OPEN) {
                            openedAtNanos = System.nanoTime();
                            metrics.counter("tenantportal.graph.circuit.opened").increment();
                            LOG.warnf("MSSP '%s': circuit to Graph opened for %s", msspKey, config.breaker().openFor());
                        }
                    })
                    .done()
                    .build();
        }

        /** How long until the open circuit lets a trial call through; at least a second. */
        Duration untilTrial() {
            Duration left = config.breaker().openFor().minusNanos(System.nanoTime() - openedAtNanos);
            return left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left;
        }
    }

    void forget() {
        breakers.clear();
    }

    /**
     * A page of a customer tenant's domains ({@code id}, {@code isInitial}; the first when {@code nextLink} is
     * null, which must be on Graph otherwise), read with {@code token}, the MSSP's app's token in that tenant
     * ({@link CustomerTenantTokens}), with the same retries and circuit as every Graph call; empty on 404.
     *
     * @throws DirectoryForbiddenException when the token lacks Domain.Read.All there (403)
     */
    Optional<JsonNode> customerDomains(Mssp mssp, java.util.UUID customerTenant, String token, String nextLink) {
        return get(mssp, "customer-domains",
                bearer -> nextLink == null ? api.domains(bearer, "id,isInitial") : api.nextPage(nextLink, bearer),
                renew -> renew ? customerTokens.bearer(mssp, customerTenant) : token);
    }

    @Inject
    CustomerTenantTokens customerTokens;

    static final String RELATIONSHIPS = "list-relationships";
    static final String ASSIGNMENTS = "list-assignments";

    /** The first page of the MSSP's GDAP relationships; empty when Graph says it is not there. */
    Optional<JsonNode> relationships(Mssp mssp, int top) {
        return get(mssp, RELATIONSHIPS, bearer -> api.delegatedAdminRelationships(bearer, top));
    }

    /** The first page of a relationship's access assignments; {@code relationshipId} validated by the caller. */
    Optional<JsonNode> accessAssignments(Mssp mssp, String relationshipId, int top) {
        return get(mssp, ASSIGNMENTS, bearer -> api.accessAssignments(bearer, relationshipId, top));
    }

    /** A next page of {@code operation}'s list; {@code nextLink} must be on Graph (checked by the caller). */
    Optional<JsonNode> nextPage(Mssp mssp, String operation, String nextLink) {
        return get(mssp, operation, bearer -> api.nextPage(nextLink, bearer));
    }
}
