package io.tenantportal.directory;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.tenantportal.mssp.Mssp;

/**
 * Client-credentials tokens of the MSSP's (multi-tenant) app in a customer's own tenant: Entra ID issues
 * one only where the app is consented, so a refusal means "not consented there", not a broken MSSP
 * setup. One token per lookup and none kept: each customer's tenant is asked once, and again only after
 * a failure's retry interval. Tokens, secrets and response bodies are never logged.
 * <p>
 * Not quarkus-oidc-client (which {@link GraphTokenClients} uses for the MSSP's own tenant): it would mean
 * one client per customer tenant, created and closed per lookup, and its failures do not tell Entra's
 * refusal (400/401: not consented, remembered for a day) from throttling (429/5xx: try again soon),
 * which is the one thing this lookup has to know.
 */
@ApplicationScoped
class CustomerTenantTokens {

    private static final Logger LOG = Logger.getLogger(CustomerTenantTokens.class);
    static final String OPERATION = "customer-token";
    private static final Set<Integer> BUSY = Set.of(429, 500, 502, 503, 504);

    /** Entra ID said no: the app is not in (or not consented by) the tenant, or the tenant is gone. */
    static final class RefusedException extends RuntimeException {
        RefusedException(String reason) {
            super(reason, null, false, false);
        }
    }

    private final GraphConfig config;
    private final GraphAccess access;
    private final MeterRegistry metrics;
    private final CustomerTokenApi api;

    @Inject
    CustomerTenantTokens(GraphConfig config, GraphAccess access, MeterRegistry metrics) {
        this.config = config;
        this.access = access;
        this.metrics = metrics;
        this.api = GraphClient.restClient(config, config.loginUrl(), CustomerTokenApi.class);
    }

    /**
     * The {@code Authorization} header value for a Graph call in the customer's tenant.
     *
     * @throws RefusedException when Entra ID refuses the app there (400 or 401)
     * @throws DirectoryUnavailableException when the token endpoint cannot be asked right now
     */
    String bearer(Mssp mssp, UUID customerTenant) {
        GraphAccess.Credentials credentials = access.of(mssp)
                .orElseThrow(() -> new IllegalStateException("MSSP " + mssp.key() + " has no Graph"));
        Response response;
        try {
            response = api.token(customerTenant.toString(), "client_credentials", credentials.clientId(),
                    credentials.clientSecret(), GraphTokenClients.SCOPE);
        } catch (ProcessingException e) {
            boolean timedOut = e.getCause() instanceof TimeoutException;
            count(timedOut ? "timeout" : "io-error");
            throw new DirectoryUnavailableException("the token endpoint of a customer tenant "
                    + (timedOut ? "timed out" : "did not answer"), config.breaker().openFor());
        }
        try (response) {
            int status = response.getStatus();
            count(Integer.toString(status));
            JsonNode body = readBody(response);
            if (status == 200) {
                String token = body == null ? null : body.path("access_token").asText(null);
                if (token == null || token.isBlank()) {
                    throw new DirectoryUnavailableException("a customer tenant's token answer had no token",
                            config.breaker().openFor());
                }
                return "Bearer " + token;
            }
            // only an OAuth error code's shape is kept: the description may quote request data
            String error = body == null ? "" : body.path("error").asText("");
            error = error.matches("[a-z_]{1,40}") ? error : "no OAuth error code";
            if (BUSY.contains(status)) {
                throw new DirectoryUnavailableException("the token endpoint of a customer tenant answered " + status,
                        config.backoff());
            }
            LOG.debugf("MSSP '%s': no token in customer tenant %s: %d (%s)", mssp.key(), customerTenant, status, error);
            throw new RefusedException("Entra ID refused the app in the customer's tenant (" + status + ", "
                    + error + "): not consented there");
        }
    }

    /** The JSON body, or null when there is none or it is no JSON (a proxy's HTML page, plain text). */
    private static JsonNode readBody(Response response) {
        try {
            return response.hasEntity() ? response.readEntity(JsonNode.class) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void count(String status) {
        metrics.counter("tenantportal.graph.calls", "operation", OPERATION, "status", status).increment();
    }
}
