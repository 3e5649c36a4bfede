package io.tenantportal.tenant;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** A Microsoft tenant id: a GUID in its canonical 8-4-4-4-12 form, any case. */
public final class TenantId {

    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private TenantId() {
    }

    public static Optional<UUID> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        if (trimmed.length() != 36) {
            return Optional.empty(); // most names asked for: no need to run the pattern
        }
        return GUID.matcher(trimmed).matches() ? Optional.of(UUID.fromString(trimmed)) : Optional.empty();
    }
}
