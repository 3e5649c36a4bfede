package io.tenantportal.directory;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Client-credentials tokens for Graph, one per MSSP, reused until shortly before they expire. One
 * renewal per MSSP is in flight at a time; other callers wait for it. Tokens and secrets are never
 * logged: a failed token request logs its status and OAuth error code only.
 */
@ApplicationScoped
class GraphTokens {

    private static final Logger LOG = Logger.getLogger(GraphTokens.class);
    static final String SCOPE = "https://graph.microsoft.com/.default";
    static final String OPERATION = "token";

    private record Token(String value, long renewAtNanos) {
    }

    @Inject
    GraphConfig config;

    @Inject
    GraphHttp http;

    @Inject
    ObjectMapper json;

    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Map<String, Object> renewals = new ConcurrentHashMap<>();

    String token(String msspKey, GraphAccess.Credentials credentials) {
        Token token = tokens.get(msspKey);
        if (fresh(token)) {
            return token.value();
        }
        synchronized (renewals.computeIfAbsent(msspKey, k -> new Object())) {
            token = tokens.get(msspKey);
            if (!fresh(token)) {
                token = request(msspKey, credentials);
                tokens.put(msspKey, token);
            }
            return token.value();
        }
    }

    /** Drops the MSSP's token, after Graph refused it (401). */
    void invalidate(String msspKey) {
        tokens.remove(msspKey);
    }

    void forget() {
        tokens.clear();
    }

    private static boolean fresh(Token token) {
        return token != null && System.nanoTime() - token.renewAtNanos() < 0;
    }

    private Token request(String msspKey, GraphAccess.Credentials credentials) {
        URI uri = URI.create(trimSlash(config.loginUrl()) + "/" + credentials.msspTenantId() + "/oauth2/v2.0/token");
        String form = "grant_type=client_credentials"
                + "&client_id=" + URLEncoder.encode(credentials.clientId(), StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(credentials.clientSecret(), StandardCharsets.UTF_8)
                + "&scope=" + URLEncoder.encode(SCOPE, StandardCharsets.UTF_8);
        long requestedAt = System.nanoTime();
        HttpResponse<byte[]> response = http.send(OPERATION, http.request(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        JsonNode body = parse(response.body());
        String accessToken = body.path("access_token").asText("");
        long lifetimeSeconds = body.path("expires_in").asLong(0);
        if (response.statusCode() != 200 || accessToken.isEmpty() || lifetimeSeconds <= 0) {
            LOG.warnf("MSSP '%s': the token endpoint answered %d (%s); check client-id and client-secret",
                    msspKey, response.statusCode(), body.path("error").asText("no OAuth error code"));
            throw new DirectoryUnavailableException("token endpoint answered " + response.statusCode(),
                    config.breaker().openFor());
        }
        Duration lifetime = Duration.ofSeconds(lifetimeSeconds);
        Duration early = min(config.tokenRenewBefore(), lifetime.dividedBy(10));
        return new Token(accessToken, requestedAt + lifetime.minus(early).toNanos());
    }

    private JsonNode parse(byte[] body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
