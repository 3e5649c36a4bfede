package io.tenantportal.audit;

import java.util.UUID;

/**
 * One resolve for the access log: the customer's tenant id when the name resolved, otherwise the
 * name asked for (its first {@value #NAME_LENGTH} characters, control characters replaced), the
 * portal when known, and the HTTP status the caller got.
 */
public record AccessRecord(UUID tenantId, String name, String portal, int status) {

    public static final int NAME_LENGTH = 100;

    public AccessRecord {
        name = tenantId == null ? clip(name) : null;
    }

    /** A resolve that found the customer, whatever happened after (a redirect, or 409 for a portal it lacks). */
    public static AccessRecord resolved(UUID tenantId, String portal, int status) {
        return new AccessRecord(tenantId, null, portal, status);
    }

    /** A resolve that found no single customer: 400, 404, 409 (ambiguous), 503 ... */
    public static AccessRecord unresolved(String name, String portal, int status) {
        return new AccessRecord(null, name, portal, status);
    }

    private static String clip(String name) {
        if (name == null) {
            return null;
        }
        String head = name.codePointCount(0, name.length()) > NAME_LENGTH
                ? name.substring(0, name.offsetByCodePoints(0, NAME_LENGTH))
                : name;
        // PostgreSQL text cannot hold NUL, and a log reader should not meet raw control characters.
        StringBuilder clean = new StringBuilder(head.length());
        head.codePoints().forEach(cp -> clean.appendCodePoint(Character.isISOControl(cp) ? '\uFFFD' : cp));
        return clean.toString();
    }
}
