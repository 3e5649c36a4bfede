package io.tenantportal.integration;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Integration keys, sent as {@code X-API-Key: tpk_...} or {@code Authorization: Bearer tpk_...}.
 * It runs before the OIDC mechanism: a request carrying a key is decided here (a key's bearer token
 * never reaches the JWT verifier), every other request is left to OIDC. Anything in X-API-Key is
 * taken as a key, so a JWT there fails like any wrong key.
 */
@ApplicationScoped
public class IntegrationKeyMechanism implements HttpAuthenticationMechanism {

    public static final String API_KEY_HEADER = "X-API-Key";
    private static final String BEARER = "bearer ";
    /** Longer than any key: whatever a caller sends, only this much is ever looked at. */
    private static final int MAX_PRESENTED = ApiKey.LENGTH + 1;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String presented = presentedKey(context.request());
        if (presented == null) {
            return Uni.createFrom().nullItem();
        }
        return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(
                new IntegrationKeyRequest(presented), context));
    }

    /**
     * The key a request presents, or null when it presents none (then it is not this mechanism's
     * business). Several X-API-Key headers present an empty key, which fails.
     */
    static String presentedKey(HttpServerRequest request) {
        List<String> apiKeys = request.headers().getAll(API_KEY_HEADER);
        if (!apiKeys.isEmpty()) {
            return apiKeys.size() == 1 ? clip(apiKeys.get(0).strip()) : "";
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        // Looked at in place: most bearer tokens are JWTs, and copying one out of the header on every
        // request only to see it is not a key was a tenth of the bytes a redirect allocated.
        int start = BEARER.length();
        while (start < authorization.length() && Character.isWhitespace(authorization.charAt(start))) {
            start++;
        }
        return authorization.startsWith(ApiKey.PREFIX, start) ? clip(authorization.substring(start).strip()) : null;
    }

    private static String clip(String text) {
        return text.length() > MAX_PRESENTED ? text.substring(0, MAX_PRESENTED) : text;
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        // Only for requests that carry a key; browsers and bearer JWTs get OIDC's challenge.
        return presentedKey(context.request()) == null ? Uni.createFrom().nullItem()
                : Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(IntegrationKeyRequest.class);
    }

    @Override
    public int getPriority() {
        // Above quarkus-oidc's mechanism (DEFAULT_PRIORITY + 1).
        return DEFAULT_PRIORITY + 100;
    }
}
