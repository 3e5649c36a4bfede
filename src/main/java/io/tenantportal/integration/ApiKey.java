package io.tenantportal.integration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The format of an integration key: {@code tpk_} and 32 random bytes (256 bits from
 * {@link SecureRandom}) in unpadded base64url, 47 characters in all. The prefix tells a key from a
 * JWT at a glance (and lets secret scanners find leaked keys).
 */
final class ApiKey {

    static final String PREFIX = "tpk_";
    private static final int RANDOM_BYTES = 32;
    static final int LENGTH = PREFIX.length() + 43;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private ApiKey() {
    }

    static String generate() {
        byte[] secret = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(secret);
        return PREFIX + ENCODER.encodeToString(secret);
    }

    /** True for text shaped like a key; anything else is refused before it is hashed or looked up. */
    static boolean wellFormed(String text) {
        if (text == null || text.length() != LENGTH || !text.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < LENGTH; i++) {
            char c = text.charAt(i);
            boolean base64url = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
            if (!base64url) {
                return false;
            }
        }
        return true;
    }

    /**
     * The stored form of a key. A plain SHA-256 is enough here, unlike for passwords: a key holds
     * 256 random bits, so no amount of fast guessing gets near finding one from its hash, while a slow
     * salted hash (bcrypt, Argon2) would only add tens of milliseconds to every request and rule out
     * looking the key up by its hash.
     */
    static byte[] hash(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
