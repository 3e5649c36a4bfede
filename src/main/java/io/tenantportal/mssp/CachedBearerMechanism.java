package io.tenantportal.mssp;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers a bearer token that {@link VerifiedTokens} remembers without verifying it again; every other
 * request (an unknown token, a browser, an integration key) passes on to the next mechanism, so the
 * first sight of a token is always checked by quarkus-oidc.
 */
@ApplicationScoped
public class CachedBearerMechanism implements HttpAuthenticationMechanism {

    /** quarkus-oidc's mechanism has priority 1001; this one is asked first. */
    static final int PRIORITY = DEFAULT_PRIORITY + 2;

    @Inject
    VerifiedTokens tokens;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String authorization = VerifiedTokens.bearerAuthorization(context);
        if (authorization == null) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(tokens.lookUp(authorization).orElse(null));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }
}
