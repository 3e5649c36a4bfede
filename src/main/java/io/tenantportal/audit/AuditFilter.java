package io.tenantportal.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;

import io.tenantportal.problem.ProblemException;
import io.tenantportal.tenant.NameKey;
import io.tenantportal.tenant.TenantId;

/**
 * The filters of GET /audit, each optional. {@code actor} is an integration id (a GUID) or a name
 * (a person's user name or an integration's name, any case); {@code from} is inclusive and
 * {@code to} exclusive, except that a date without a time in {@code to} includes that whole day (UTC).
 */
public record AuditFilter(String kind, UUID actorId, String actorName, UUID tenantId, Instant from, Instant to) {

    private static final Set<String> KINDS = Set.of(AuditEvent.ACCESS, AuditEvent.CHANGE);

    private static final Instant EARLIEST = Instant.EPOCH;
    private static final Instant LATEST = LocalDate.of(10_000, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);

    /** Parses the query parameters; a malformed one is a 400 naming it. */
    // Code, not constraints: the query parameters are parsed into types and checked against each other (to after from).
    public static AuditFilter parse(String kind, String actor, String tenantId, String from, String to) {
        String kindValue = blank(kind) ? null : kind.strip();
        if (kindValue != null && !KINDS.contains(kindValue)) {
            throw ProblemException.invalidField("kind", "must be access or change");
        }
        UUID actorId = null;
        String actorName = null;
        if (!blank(actor)) {
            actorId = TenantId.parse(actor).orElse(null);
            actorName = actorId == null ? NameKey.requireValid(actor, "actor").strip() : null;
        }
        UUID tenant = null;
        if (!blank(tenantId)) {
            tenant = TenantId.parse(tenantId)
                    .orElseThrow(() -> ProblemException.invalidField("tenantId", "must be a tenant id (GUID)"));
        }
        Instant fromValue = blank(from) ? null : instant("from", from, false);
        Instant toValue = blank(to) ? null : instant("to", to, true);
        if (fromValue != null && toValue != null && !fromValue.isBefore(toValue)) {
            throw ProblemException.invalidField("to", "must be later than from");
        }
        return new AuditFilter(kindValue, actorId, actorName, tenant, fromValue, toValue);
    }

    private static Instant instant(String field, String text, boolean endOfDay) {
        String value = text.strip();
        Instant instant = null;
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                instant = (endOfDay ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
            } else {
                instant = OffsetDateTime.parse(value).toInstant();
            }
        } catch (DateTimeParseException e) {
            // refused below
        }
        // Java times reach far beyond what PostgreSQL stores; such a bound is a caller's mistake.
        if (instant == null || instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw ProblemException.invalidField(field,
                    "must be a date (2026-01-31) or a time with offset (2026-01-31T10:00:00Z) from 1970 to 9999");
        }
        return instant;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
