package io.tenantportal.mssp;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import io.tenantportal.problem.ProblemException;
import io.tenantportal.tenant.TenantId;

/**
 * The caller's MSSP, taken from the {@code tid} claim of their token. A caller whose tenant is not a
 * configured MSSP is refused (403) before any data is touched.
 */
@RequestScoped
public class CallerMssp {

    /** Identity attribute carrying the tenant id for identities that are not JWTs (dev identity, integration keys). */
    public static final String TID_ATTRIBUTE = "tid";
    /** Identity attributes of an integration key's caller: the integration's id (a UUID) and name. */
    public static final String INTEGRATION_ID_ATTRIBUTE = "integration.id";
    public static final String INTEGRATION_NAME_ATTRIBUTE = "integration.name";
    /**
     * Identity attribute of a remembered bearer token ({@link VerifiedTokens}): its actor, worked out once.
     * Reading a custom claim through smallrye-jwt costs an exception per call (it first tries the claim
     * name as a standard one), which the redirect profile showed on every request.
     */
    static final String ACTOR_ATTRIBUTE = "tenantportal.actor";
    /** Identity attribute of a remembered bearer token: its MSSP, looked up once rather than per request. */
    static final String MSSP_ATTRIBUTE = "tenantportal.mssp";

    @Inject
    SecurityIdentity identity;

    @Inject
    MsspRegistry registry;

    private Mssp mssp;

    public Mssp get() {
        if (mssp == null && identity.getAttribute(MSSP_ATTRIBUTE) instanceof Mssp remembered) {
            mssp = remembered;
        }
        if (mssp == null) {
            mssp = tenantClaim().flatMap(TenantId::parse).flatMap(registry::byTenantId)
                    .orElseThrow(() -> new ProblemException(403, "unknown-mssp", "Forbidden",
                            "The token's tenant (tid) is not an MSSP served by this deployment."));
        }
        return mssp;
    }

    /**
     * Who the caller is, for the audit log: an integration key, or an Entra identity named by the
     * token's user name, else its client (azp, appid), else its subject.
     */
    public Actor actor() {
        if (identity.getAttribute(INTEGRATION_ID_ATTRIBUTE) instanceof UUID integrationId) {
            return Actor.integration(integrationId, identity.getAttribute(INTEGRATION_NAME_ATTRIBUTE));
        }
        if (identity.getAttribute(ACTOR_ATTRIBUTE) instanceof Actor remembered) {
            return remembered;
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            return actorOf(jwt);
        }
        return Actor.user(identity.getPrincipal().getName());
    }

    /** An Entra identity named by the token's user name, else its client (azp, appid), else its subject. */
    static Actor actorOf(JsonWebToken jwt) {
        return Actor.user(claimText(jwt, "preferred_username").or(() -> claimText(jwt, "azp"))
                .or(() -> claimText(jwt, "appid")).orElse(String.valueOf(jwt.getSubject())));
    }

    private Optional<String> tenantClaim() {
        if (identity.isAnonymous()) {
            return Optional.empty();
        }
        if (identity.getAttribute(TID_ATTRIBUTE) == null && identity.getPrincipal() instanceof JsonWebToken jwt) {
            return claimText(jwt, "tid");
        }
        return Optional.ofNullable(identity.getAttribute(TID_ATTRIBUTE)).map(Object::toString);
    }

    static Optional<String> claimText(JsonWebToken jwt, String claim) {
        Object value = jwt.getClaim(claim);
        if (value instanceof JsonString json) {
            return Optional.of(json.getString());
        }
        return value instanceof String text ? Optional.of(text) : Optional.empty();
    }
}
