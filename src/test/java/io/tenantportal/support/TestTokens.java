package io.tenantportal.support;

import java.time.Instant;
import java.util.Set;

import org.jose4j.jwk.RsaJsonWebKey;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Real signed JWTs as Entra ID issues them (v2.0 tokens) for the fake Entra of {@link EntraWireMock}:
 * {@code iss} is {@code <authority root>/<tid>/v2.0}, signed with the fake's key (its kid in the
 * header) unless a test asks for a foreign key. {@code claims(...)} builders sign with
 * {@code .sign()}, which takes that key from the configuration EntraWireMock hands out.
 */
public final class TestTokens {

    public static final String AUDIENCE = "api://tenant-portal";
    /** The app registration's client id: the audience of the ID tokens of browser sign-in. */
    public static final String CLIENT_ID = "tenant-portal";
    public static final String ANALYST = "analyst@alpha.example";

    public static final String ALPHA = "11111111-1111-4111-8111-111111111111";
    public static final String BETA = "22222222-2222-4222-8222-222222222222";
    public static final String UNKNOWN_MSSP = "33333333-3333-4333-8333-333333333333";

    public static final String READ = "Portal.Read";
    public static final String ADMIN = "Portal.Admin";

    private TestTokens() {
    }

    /** The issuer of tokens from tenant {@code tid}: {@code <fake authority root>/<tid>/v2.0}. */
    public static String issuer(String tid) {
        return EntraWireMock.issuer(tid);
    }

    public static String token(String tid, String... roles) {
        return claims(tid, roles).sign();
    }

    public static String alphaReader() {
        return token(ALPHA, READ);
    }

    public static String alphaAdmin() {
        return token(ALPHA, ADMIN);
    }

    public static String betaAdmin() {
        return token(BETA, ADMIN);
    }

    /**
     * An app-only (client credentials) v2.0 access token of tenant {@code tid}: no user name, the
     * calling app's client id in {@code azp}.
     */
    public static JwtClaimsBuilder claims(String tid, String... roles) {
        return Jwt.issuer(issuer(tid))
                .audience(AUDIENCE)
                .subject("app-" + tid.substring(0, 8))
                .claim("tid", tid)
                .claim("azp", "ticket-sync-" + tid.substring(0, 8))
                .claim("azpacr", "1")
                .claim("ver", "2.0")
                .claim("roles", Set.of(roles))
                .issuedAt(Instant.now())
                .expiresIn(300);
    }

    /** An ID token as Entra ID issues it to the browser sign-in of an MSSP analyst. */
    public static String idToken(String tid, String... roles) {
        return idToken(300, tid, roles);
    }

    public static String idToken(int lifetimeSeconds, String tid, String... roles) {
        return idTokenClaims(lifetimeSeconds, tid, roles).sign();
    }

    public static JwtClaimsBuilder idTokenClaims(int lifetimeSeconds, String tid, String... roles) {
        return Jwt.issuer(issuer(tid))
                .audience(CLIENT_ID)
                .subject("user-" + tid.substring(0, 8))
                .claim("tid", tid)
                .claim("preferred_username", tid.equals(ALPHA) ? ANALYST : "analyst@" + tid.substring(0, 8) + ".example")
                .claim("ver", "2.0")
                .claim("roles", Set.of(roles))
                .issuedAt(Instant.now())
                .expiresIn(lifetimeSeconds);
    }

    /** A token whose signature does not come from the identity provider's key, though its kid names that key. */
    public static String signedByForeignKey(String tid, String... roles) {
        RsaJsonWebKey foreign = EntraWireMock.newKey(EntraWireMock.SIGNING_KEY.getKeyId());
        return claims(tid, roles).jws().keyId(foreign.getKeyId()).sign(foreign.getPrivateKey());
    }

    /** Signs with {@code key}, a key the identity provider may or may not publish. */
    public static String signedWith(RsaJsonWebKey key, JwtClaimsBuilder claims) {
        return claims.jws().keyId(key.getKeyId()).sign(key.getPrivateKey());
    }
}
