package io.tenantportal.mssp;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.jwt.consumer.Validator;

import io.tenantportal.tenant.TenantId;

/**
 * Which {@code iss} a token must carry, given the authority ({@code auth-server-url}) of its OIDC
 * tenant. quarkus-oidc compares {@code iss} with one fixed issuer, but Entra ID's multi-tenant
 * authorities ({@code https://login.microsoftonline.com/organizations/v2.0}, also {@code common})
 * name none: their discovery document says {@code https://login.microsoftonline.com/{tenantid}/v2.0},
 * a template that each tenant's tokens fill with their own tenant id. So with
 * {@code token.issuer=any} quarkus-oidc leaves the issuer to this check, registered as a jose4j
 * {@link Validator} (quarkus-oidc's extension point for claim checks, see {@link TokenIssuers}):
 * <ul>
 * <li>multi-tenant authority {@code <root>/organizations/v2.0}: {@code iss} must be exactly
 * {@code <root>/<tid>/v2.0}, where {@code tid} is the token's own tenant id claim (a GUID);</li>
 * <li>any other (tenant-specific) authority: {@code iss} must be the authority itself, which is
 * what OpenID Connect Discovery requires the issuer to be (Entra's
 * {@code https://login.microsoftonline.com/<tenant>/v2.0} is its own issuer).</li>
 * </ul>
 * Whether the tenant id is an MSSP this deployment serves is checked later ({@link CallerMssp}, 403).
 */
public final class TokenIssuer implements Validator {

    /** Entra ID's authorities that sign in users and apps of any tenant. */
    static final Set<String> MULTI_TENANT = Set.of("organizations", "common");
    static final String VERSION = "/v2.0";

    private final String root;
    private final String fixedIssuer;

    private TokenIssuer(String root, String fixedIssuer) {
        this.root = root;
        this.fixedIssuer = fixedIssuer;
    }

    /** The rule for an authority URL; empty when there is none (the OIDC tenant is not configured). */
    public static Optional<TokenIssuer> forAuthority(String authority) {
        if (authority == null || authority.isBlank()) {
            return Optional.empty();
        }
        String trimmed = authority.strip().replaceAll("/+$", "");
        String path = URI.create(trimmed).getRawPath();
        if (path != null && path.endsWith(VERSION)) {
            String withoutVersion = trimmed.substring(0, trimmed.length() - VERSION.length());
            int slash = withoutVersion.lastIndexOf('/');
            String tenant = withoutVersion.substring(slash + 1).toLowerCase(Locale.ROOT);
            if (MULTI_TENANT.contains(tenant)) {
                return Optional.of(new TokenIssuer(withoutVersion.substring(0, slash), null));
            }
        }
        return Optional.of(new TokenIssuer(null, trimmed));
    }

    public boolean multiTenant() {
        return fixedIssuer == null;
    }

    /** The issuer a token whose tenant id claim is {@code tid} must carry; empty for a tid that is no tenant id. */
    public Optional<String> expectedIssuer(String tid) {
        if (!multiTenant()) {
            return Optional.of(fixedIssuer);
        }
        return Optional.ofNullable(tid).filter(t -> TenantId.parse(t).isPresent()).map(t -> root + "/" + t + VERSION);
    }

    /** Null when the token's issuer is right, else why not (quarkus-oidc logs it at debug level only). */
    @Override
    public String validate(JwtContext context) throws MalformedClaimException {
        JwtClaims claims = context.getJwtClaims();
        String issuer = claims.getIssuer();
        Object tid = claims.getClaimValue("tid");
        Optional<String> expected = expectedIssuer(tid instanceof String text ? text : null);
        if (expected.isEmpty()) {
            return "the token has no tenant id (tid) that its issuer could name";
        }
        return expected.get().equals(issuer) ? null : "the issuer " + issuer + " is not " + expected.get();
    }
}
