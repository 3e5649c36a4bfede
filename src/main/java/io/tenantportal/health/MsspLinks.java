package io.tenantportal.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One MSSP's GDAP relationships as this replica holds them, by customer, and the verdicts they give.
 * Immutable: a sync (here or on another replica) replaces the whole object, so the redirect path reads
 * it without locks or I/O.
 */
final class MsspLinks {

    /** Access ending this close, and not extending itself, is {@code expiring}. */
    static final Duration EXPIRING_WITHIN = Duration.ofDays(30);
    static final MsspLinks NEVER_READ = new MsspLinks(RelationshipStore.Stored.empty());

    private static final Set<String> ACTIVE = Set.of("active", "expiring");
    private static final Set<String> ENDED = Set.of("expired", "terminated", "terminating", "terminationrequested");

    final long version;
    final Instant checkedAt;
    final String failure;
    final Instant failedAt;
    final int relationships;
    private final Map<UUID, List<DelegatedRelationship>> byCustomer;

    MsspLinks(RelationshipStore.Stored stored) {
        this.version = stored.version();
        this.checkedAt = stored.checkedAt();
        this.failure = stored.failure();
        this.failedAt = stored.failedAt();
        this.relationships = stored.relationships().size();
        Map<UUID, List<DelegatedRelationship>> map = new HashMap<>();
        for (DelegatedRelationship r : stored.relationships()) {
            map.computeIfAbsent(r.customerTenantId(), k -> new ArrayList<>(1)).add(r);
        }
        this.byCustomer = map;
    }

    /** Graph could not be asked for this MSSP yet, or refused to answer the last time (403). */
    boolean unknown() {
        return checkedAt == null || RelationshipStore.Failure.FORBIDDEN.wire().equals(failure);
    }

    /** The verdict for one customer and portal; the best of its relationships wins. */
    LinkHealth judge(UUID tenantId, String portal, Set<UUID> opening, Instant now) {
        if (unknown()) {
            return health(portal, Verdict.UNKNOWN, null);
        }
        Verdict best = Verdict.NONE;
        DelegatedRelationship decider = null;
        for (DelegatedRelationship r : byCustomer.getOrDefault(tenantId, List.of())) {
            Verdict verdict = verdict(r, opening, now);
            if (decider == null || verdict.betterThan(best) || verdict == best && endsLater(r, decider)) {
                best = verdict;
                decider = r;
            }
        }
        return health(portal, best, decider);
    }

    private static Verdict verdict(DelegatedRelationship r, Set<UUID> opening, Instant now) {
        String status = r.status().toLowerCase(java.util.Locale.ROOT);
        if (ENDED.contains(status) || ACTIVE.contains(status) && r.endsAt() != null && !r.endsAt().isAfter(now)) {
            return Verdict.EXPIRED;
        }
        // Not active yet (created, approvalPending, approved, activating) or no role for this portal: no access.
        if (!ACTIVE.contains(status) || r.grantedRoles().stream().noneMatch(opening::contains)) {
            return Verdict.NO_ROLE;
        }
        if (!r.autoExtends() && r.endsAt() != null && r.endsAt().isBefore(now.plus(EXPIRING_WITHIN))) {
            return Verdict.EXPIRING;
        }
        return Verdict.OK;
    }

    /** Among equal verdicts the one that lasts longer decides (no end date lasts longest). */
    private static boolean endsLater(DelegatedRelationship a, DelegatedRelationship b) {
        if (a.endsAt() == null) {
            return b.endsAt() != null;
        }
        return b.endsAt() != null && a.endsAt().isAfter(b.endsAt());
    }

    private LinkHealth health(String portal, Verdict verdict, DelegatedRelationship decider) {
        return new LinkHealth(portal, verdict.wire(), decider == null ? null : decider.endsAt(),
                decider == null ? null : decider.displayName(), checkedAt, verdict.detail());
    }
}
