package io.tenantportal.support;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Real signed JWTs for the WireMock identity provider of quarkus-test-oidc-server: signed with its
 * private key (smallrye.jwt.sign.key.location, set by OidcWiremockTestResource) unless a test asks
 * for a foreign key.
 */
public final class TestTokens {

    public static final String ISSUER = "https://server.example.com";
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

    public static JwtClaimsBuilder claims(String tid, String... roles) {
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("app-" + tid.substring(0, 8))
                .claim("tid", tid)
                .claim("appid", "ticket-sync-" + tid.substring(0, 8))
                .claim("roles", Set.of(roles))
                .issuedAt(Instant.now())
                .expiresIn(300);
    }

    /** An ID token as Entra ID issues it to the browser sign-in of an MSSP analyst. */
    public static String idToken(String tid, String... roles) {
        return idToken(300, tid, roles);
    }

    public static String idToken(int lifetimeSeconds, String tid, String... roles) {
        return Jwt.issuer(ISSUER)
                .audience(CLIENT_ID)
                .subject("user-" + tid.substring(0, 8))
                .claim("tid", tid)
                .claim("preferred_username", ANALYST)
                .claim("roles", Set.of(roles))
                .issuedAt(Instant.now())
                .expiresIn(lifetimeSeconds)
                .sign();
    }

    /** A token whose signature does not come from the identity provider's key. */
    public static String signedByForeignKey(String tid, String... roles) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return claims(tid, roles).jws().keyId("1").sign(pair.getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
