package io.tenantportal.directory;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.OidcClientConfigBuilder;
import io.quarkus.oidc.client.OidcClients;
import io.quarkus.oidc.client.Tokens;
import io.quarkus.oidc.client.runtime.OidcClientConfig;
import io.quarkus.oidc.client.runtime.TokensHelper;
import io.quarkus.oidc.common.OidcEndpoint;
import io.quarkus.oidc.common.OidcRequestContextProperties;
import io.quarkus.oidc.common.OidcRequestFilter;
import io.quarkus.oidc.common.OidcResponseFilter;
import io.quarkus.oidc.common.runtime.config.OidcClientCommonConfig.Credentials.Secret;
import io.smallrye.mutiny.Uni;
import io.tenantportal.mssp.Mssp;
import io.vertx.core.json.DecodeException;

/**
 * Client-credentials tokens for Graph from quarkus-oidc-client: one {@link OidcClient} per MSSP (MSSPs come
 * from runtime configuration, so the clients are made here rather than under {@code quarkus.oidc-client.*})
 * and one {@link TokensHelper} per MSSP, which reuses a token until {@code token-renew-before} ahead of its
 * expiry and lets concurrent callers share one token request.
 * <p>
 * This bean is also the OIDC filter of those clients' token requests: it bounds how long one may take
 * (quarkus-oidc-client has a connect timeout only), counts them by HTTP status, and logs a refusal with its
 * OAuth error code. Tokens, secrets and response bodies are never logged.
 */
@ApplicationScoped
@Unremovable
@OidcEndpoint(OidcEndpoint.Type.TOKEN)
class GraphTokenClients implements OidcRequestFilter, OidcResponseFilter {

    private static final Logger LOG = Logger.getLogger(GraphTokenClients.class);
    static final String SCOPE = "https://graph.microsoft.com/.default";
    static final String OPERATION = "token";
    private static final String ID_PREFIX = "graph-";
    /** The request property quarkus-oidc-client fills with the client's id (OidcClientImpl). */
    private static final String CLIENT_ID_PROPERTY = "client-id";

    /** One MSSP's token client; {@code answers} counts HTTP answers of its token endpoint. */
    private record MsspTokens(String msspKey, OidcClient client, TokensHelper helper, AtomicLong answers,
            AtomicLong lastStatus) {
    }

    @Inject
    GraphConfig config;

    @Inject
    GraphAccess access;

    @Inject
    OidcClients oidcClients;

    @Inject
    MeterRegistry metrics;

    private final Map<String, MsspTokens> byClientId = new ConcurrentHashMap<>();

    /** The {@code Authorization} header value for a Graph call of the MSSP. */
    String bearer(Mssp mssp) {
        return bearer(mssp, false);
    }

    /** Like {@link #bearer(Mssp)}, with a token requested anew: Graph refused the one we had (401). */
    String renewedBearer(Mssp mssp) {
        return bearer(mssp, true);
    }

    private String bearer(Mssp mssp, boolean renew) {
        MsspTokens tokens = byClientId.computeIfAbsent(ID_PREFIX + mssp.key(), id -> create(mssp, id));
        long answersBefore = tokens.answers().get();
        try {
            Tokens current = tokens.helper().getTokens(tokens.client(), Map.of(), renew).await()
                    .atMost(requestTimeout().plusSeconds(1));
            return "Bearer " + current.getAccessToken();
        } catch (RuntimeException e) {
            // quarkus-oidc-client says neither status nor cause (so nothing leaks); our response filter saw the status.
            if (tokens.answers().get() == answersBefore) {
                count("io-error");
                throw new DirectoryUnavailableException("the token endpoint did not answer", config.breaker().openFor());
            }
            throw new DirectoryUnavailableException("token endpoint answered " + tokens.lastStatus().get(),
                    config.breaker().openFor());
        }
    }

    private MsspTokens create(Mssp mssp, String id) {
        GraphAccess.Credentials credentials = access.of(mssp)
                .orElseThrow(() -> new IllegalStateException("MSSP " + mssp.key() + " has no Graph"));
        String tenantRoot = GraphClient.trimSlash(config.loginUrl()) + "/" + credentials.msspTenantId();
        OidcClientConfig clientConfig = new OidcClientConfigBuilder()
                .id(id)
                .authServerUrl(tenantRoot + "/v2.0")
                .discoveryEnabled(false)
                .tokenPath(tenantRoot + "/oauth2/v2.0/token")
                .clientId(credentials.clientId())
                .credentials().clientSecret(credentials.clientSecret(), Secret.Method.POST).end()
                .grant(OidcClientConfig.Grant.Type.CLIENT)
                .scopes(SCOPE)
                .refreshTokenTimeSkew(config.tokenRenewBefore())
                .connectionTimeout(config.connectTimeout())
                // The library's least: one retry of a dropped connection; GraphClient decides about the rest.
                .connectionRetryCount(1)
                .build();
        OidcClient client = oidcClients.newClient(clientConfig).await().atMost(config.connectTimeout());
        return new MsspTokens(mssp.key(), client, new TokensHelper(), new AtomicLong(), new AtomicLong());
    }

    @Override
    public Uni<Void> filter(OidcRequestFilterContext request) {
        ours(request.contextProperties())
                .ifPresent(tokens -> request.request().timeout(requestTimeout().toMillis()));
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Void> filter(OidcResponseFilterContext response) {
        ours(response.requestProperties()).ifPresent(tokens -> {
            int status = response.statusCode();
            tokens.lastStatus().set(status);
            tokens.answers().incrementAndGet();
            count(Integer.toString(status));
            if (status != 200) {
                LOG.warnf("MSSP '%s': the token endpoint answered %d (%s); check client-id and client-secret",
                        tokens.msspKey(), status, oauthError(response));
            }
        });
        return Uni.createFrom().voidItem();
    }

    /** Connecting included: Vert.x counts the wait for a connection into a request's timeout. */
    private Duration requestTimeout() {
        return config.connectTimeout().plus(config.readTimeout());
    }

    private Optional<MsspTokens> ours(OidcRequestContextProperties properties) {
        Object id = properties == null ? null : properties.get(CLIENT_ID_PROPERTY);
        return id instanceof String clientId ? Optional.ofNullable(byClientId.get(clientId)) : Optional.empty();
    }

    /** The OAuth error code of a refusal (e.g. {@code invalid_client}); its description may quote request data. */
    private static String oauthError(OidcResponseFilterContext response) {
        try {
            return response.responseBody() == null ? "no body"
                    : response.responseBody().toJsonObject().getString("error", "no OAuth error code");
        } catch (DecodeException | ClassCastException e) {
            return "no OAuth error code";
        }
    }

    private void count(String status) {
        metrics.counter("tenantportal.graph.calls", "operation", OPERATION, "status", status).increment();
    }

    void forget() {
        byClientId.values().forEach(tokens -> {
            try {
                tokens.client().close();
            } catch (java.io.IOException e) {
                LOG.debugf("closing the token client of MSSP '%s' failed", tokens.msspKey());
            }
        });
        byClientId.clear();
    }
}
