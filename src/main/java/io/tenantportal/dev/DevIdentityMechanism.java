package io.tenantportal.dev;

import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.tenantportal.mssp.CallerMssp;
import io.tenantportal.mssp.Mssp;
import io.tenantportal.mssp.MsspRegistry;
import io.tenantportal.mssp.Roles;
import io.vertx.ext.web.RoutingContext;

/**
 * Dev mode only (the bean does not exist in a prod build): every request is signed in as a fixed
 * analyst of the sample MSSP with both roles, so curl works without an identity provider.
 */
@IfBuildProfile("dev")
@ApplicationScoped
public class DevIdentityMechanism implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(DevIdentityMechanism.class);
    static final String USER = "dev-analyst";

    @Inject
    MsspRegistry registry;

    private volatile SecurityIdentity identity;

    void onStart(@Observes @Priority(MsspRegistry.STARTUP_PRIORITY + 1) StartupEvent event) {
        Mssp mssp = registry.all().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("dev mode needs one MSSP under tenantportal.mssps"));
        identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(USER))
                .addRoles(Set.of(Roles.READ, Roles.ADMIN))
                .addAttribute(CallerMssp.TID_ATTRIBUTE, mssp.tenantId().toString())
                .build();
        String line = "*".repeat(100);
        LOG.warnf("%n%s%n  DEV IDENTITY ACTIVE: every request is signed in as '%s' with roles %s and %s%n"
                + "  of MSSP '%s' (tid %s). No token is checked. This exists in dev mode only.%n%s",
                line, USER, Roles.READ, Roles.ADMIN, mssp.key(), mssp.tenantId(), line);
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        return Uni.createFrom().item(identity);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, null, null));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }

    @Override
    public int getPriority() {
        // Below the OIDC mechanism, so a real bearer token still wins when a developer sends one.
        return 500;
    }
}
