package io.tenantportal.mssp;

import java.util.Optional;

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

    /** Identity attribute carrying the tenant id for identities that are not JWTs (the dev identity). */
    public static final String TID_ATTRIBUTE = "tid";

    @Inject
    SecurityIdentity identity;

    @Inject
    MsspRegistry registry;

    private Mssp mssp;

    public Mssp get() {
        if (mssp == null) {
            mssp = tenantClaim().flatMap(TenantId::parse).flatMap(registry::byTenantId)
                    .orElseThrow(() -> new ProblemException(403, "unknown-mssp", "Forbidden",
                            "The token's tenant (tid) is not an MSSP served by this deployment."));
        }
        return mssp;
    }

    /**
     * Who the caller is, for the audit log: a user's name; for an app (client credentials, no user
     * name) the calling app's client id, which Entra puts in {@code azp} in v2.0 tokens and in
     * {@code appid} in v1.0 tokens; else the token's subject.
     */
    public String actor() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            return claimText(jwt, "preferred_username").or(() -> claimText(jwt, "azp"))
                    .or(() -> claimText(jwt, "appid")).orElse(String.valueOf(jwt.getSubject()));
        }
        return identity.getPrincipal().getName();
    }

    private Optional<String> tenantClaim() {
        if (identity.isAnonymous()) {
            return Optional.empty();
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            return claimText(jwt, "tid");
        }
        return Optional.ofNullable(identity.getAttribute(TID_ATTRIBUTE)).map(Object::toString);
    }

    private static Optional<String> claimText(JsonWebToken jwt, String claim) {
        Object value = jwt.getClaim(claim);
        if (value instanceof JsonString json) {
            return Optional.of(json.getString());
        }
        return value instanceof String text ? Optional.of(text) : Optional.empty();
    }
}
