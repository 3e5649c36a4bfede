package io.tenantportal.mssp;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.tenantportal.tenant.TenantId;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Bearer tokens quarkus-oidc has verified, remembered until they expire. Verifying an RS256 token
 * (parsing, signature, claims) was the largest single cost of a redirect in the JFR profile (see the
 * README's benchmark section), and ticketing tools send the same token for every call until it
 * expires. An entry is keyed by the whole Authorization header ({@code Bearer } and the whole token)
 * and ends at the token's {@code exp}; only tokens checked by the bearer (default) OIDC tenant, sent
 * as the header's whole rest, are remembered. quarkus-oidc has no such cache for local JWT verification
 * (its token cache serves introspection and UserInfo), hence this class.
 */
@ApplicationScoped
public class VerifiedTokens implements SecurityIdentityAugmentor {

    static final int MAX_TOKENS = 10_000;
    private static final String BEARER = "Bearer ";
    /** Identity attributes that belong to the one request that verified the token. */
    private static final Set<String> REQUEST_ATTRIBUTES = Set.of(RoutingContext.class.getName(),
            AuthenticationRequestContext.class.getName(), HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE);

    /**
     * The identity answered for the token: quarkus-oidc's, with the claims CallerMssp reads ({@code tid},
     * the actor) worked out once, and without what tied it to the request that verified it (that request's
     * RoutingContext and blocking-API context), so the same instance serves every later request.
     */
    private record Verified(SecurityIdentity identity, Instant expiresAt) {
    }

    @Inject
    MsspRegistry registry;

    private final Cache<String, Verified> verified = Caffeine.newBuilder()
            .maximumSize(MAX_TOKENS)
            // Upkeep (expiry, size) on the calling thread, a little per call: handing it to the common pool
            // woke a thread on every few redirects in the profile.
            .executor(Runnable::run)
            .expireAfter(new Expiry<String, Verified>() {
                @Override
                public long expireAfterCreate(String token, Verified entry, long now) {
                    return Math.max(0, Duration.between(Instant.now(), entry.expiresAt()).toNanos());
                }

                @Override
                public long expireAfterUpdate(String token, Verified entry, long now, long current) {
                    return expireAfterCreate(token, entry, now);
                }

                @Override
                public long expireAfterRead(String token, Verified entry, long now, long current) {
                    return current;
                }
            })
            .build();

    /**
     * The identity of a token verified before and not yet expired, looked up by the Authorization header
     * that carries it ({@link #bearerAuthorization}): the header text is the key, so a request pays for no
     * copy of its token.
     */
    Optional<SecurityIdentity> lookUp(String authorization) {
        Verified entry = verified.getIfPresent(authorization);
        if (entry == null || !Instant.now().isBefore(entry.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(entry.identity());
    }

    /** The Authorization header of a request that sends a bearer token, or null. */
    static String bearerAuthorization(RoutingContext request) {
        String authorization = request.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return authorization;
    }

    /** Runs after every other augmentor, so what is remembered is the identity the application saw. */
    @Override
    public int priority() {
        return Integer.MIN_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        remember(identity);
        return Uni.createFrom().item(identity);
    }

    private void remember(SecurityIdentity identity) {
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getExpirationTime() <= 0
                || !OidcUtils.DEFAULT_TENANT_ID.equals(identity.getAttribute(OidcUtils.TENANT_ID_ATTRIBUTE))) {
            return;
        }
        RoutingContext request = identity.getAttribute(RoutingContext.class.getName());
        TokenCredential credential = identity.getCredential(TokenCredential.class);
        String sent = request == null ? null : bearerAuthorization(request);
        // Remembered only under a header that is exactly the scheme and the token quarkus-oidc verified
        // (a header with spaces around the token is verified every time).
        if (credential == null || sent == null || !carries(sent, credential.getToken())) {
            return;
        }
        verified.put(sent, new Verified(requestFree(identity, jwt), Instant.ofEpochSecond(jwt.getExpirationTime())));
    }

    private static boolean carries(String authorization, String token) {
        return token != null && authorization.length() == BEARER.length() + token.length()
                && authorization.startsWith(token, BEARER.length());
    }

    private SecurityIdentity requestFree(SecurityIdentity identity, JsonWebToken jwt) {
        // A copy with everything (permissions included) but the request: cleared, it is neither handed to
        // later requests nor kept alive, with all it holds, for as long as the token is remembered.
        QuarkusSecurityIdentity.Builder copy = QuarkusSecurityIdentity.builder(identity);
        REQUEST_ATTRIBUTES.forEach(name -> copy.addAttribute(name, null));
        copy.addAttribute(CallerMssp.ACTOR_ATTRIBUTE, CallerMssp.actorOf(jwt));
        Optional<String> tid = CallerMssp.claimText(jwt, "tid");
        tid.ifPresent(text -> copy.addAttribute(CallerMssp.TID_ATTRIBUTE, text));
        tid.flatMap(TenantId::parse).flatMap(registry::byTenantId)
                .ifPresent(mssp -> copy.addAttribute(CallerMssp.MSSP_ATTRIBUTE, mssp));
        return copy.build();
    }

    void forget() {
        verified.invalidateAll();
    }
}
