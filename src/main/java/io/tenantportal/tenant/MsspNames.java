package io.tenantportal.tenant;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.Executor;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * One MSSP's customers in memory, found by tenant id, exact name key and loose key, plus similar names.
 * Reads take no lock and see each customer either before or after a change; changes are serialised per
 * MSSP. A changed customer's new keys are added before its dropped keys are removed, so a name it keeps
 * never goes missing for a reader in between.
 */
final class MsspNames {

    /** Rebuild the similar-names index once this many customers changed since it was built. */
    static final int REBUILD_AFTER_CHANGES = 256;
    /** Suggestion answers remembered per MSSP (a few hundred bytes each). */
    static final int MAX_SUGGESTED = 4_096;

    /**
     * Every customer id seen, deleted ones too (so a late, older copy cannot bring one back), with when it
     * was last applied. One map rather than a second one for the sequence numbers: about 70 bytes less per customer.
     */
    private final Map<Long, Held> byId = new ConcurrentHashMap<>();
    private final Map<UUID, IndexedCustomer> byTenantId = new ConcurrentHashMap<>();
    private final Map<String, IndexedCustomer> byKey = new ConcurrentHashMap<>();
    /**
     * Customer ids per loose key, as small arrays replaced on change rather than a concurrent set per key:
     * almost every loose key reaches one customer, and a set per key cost about 200 bytes of heap each.
     */
    private final Map<String, long[]> byLooseKey = new ConcurrentHashMap<>();
    private final Map<PsaRef, IndexedCustomer> byRef = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    private volatile SimilarNames similar = SimilarNames.EMPTY;
    /** Customers changed since {@link #similar} was built, with the sequence of their change. */
    private final Map<Long, Long> changedSinceBuild = new ConcurrentHashMap<>();
    private final AtomicBoolean rebuilding = new AtomicBoolean();

    /**
     * Suggestions answered since the last change, by key and limit. A name missed once is usually missed
     * again (a broken link in a ticket template that many analysts click, a PSA retrying its sync), and
     * its answer cannot change until a customer does: {@link #changes} counts every change, once applied.
     */
    private final Cache<String, Suggested> suggested = Caffeine.newBuilder()
            .maximumSize(MAX_SUGGESTED)
            .executor(Runnable::run)
            .build();
    private final AtomicLong changes = new AtomicLong();

    /** A customer's current state and when it was applied, in {@link #sequence} numbers. */
    private record Held(IndexedCustomer customer, long appliedAt) {
    }

    /** @param atChange the value of {@link #changes} read before the answer was worked out */
    private record Suggested(long atChange, List<String> displayNames) {
    }

    long sequence() {
        return sequence.get();
    }

    /**
     * Takes a customer's current state unless a newer version is already held.
     *
     * @param force take it even when older: a full reload's copy replaces what was there before it began
     */
    synchronized boolean apply(IndexedCustomer next, boolean force) {
        IndexedCustomer previous = current(next.id());
        if (previous != null && previous.version() > next.version() && !force) {
            return false;
        }
        long at = sequence.incrementAndGet();
        byId.put(next.id(), new Held(next, at));
        Set<String> keptKeys = new HashSet<>();
        Set<String> keptLoose = new HashSet<>();
        Set<PsaRef> keptRefs = new HashSet<>();
        if (!next.deleted()) {
            byTenantId.put(next.tenantId(), next);
            for (PsaRef ref : next.view().refs()) {
                byRef.put(ref, next);
                keptRefs.add(ref);
            }
            for (IndexedCustomer.IndexedName name : next.names()) {
                byKey.put(name.key(), next);
                keptKeys.add(name.key());
                if (name.looseKey() != null && !name.looseKey().isEmpty()) {
                    byLooseKey.merge(name.looseKey(), new long[] {next.id()}, MsspNames::union);
                    keptLoose.add(name.looseKey());
                }
            }
        }
        if (previous != null && !previous.deleted()) {
            if (next.deleted() || !previous.tenantId().equals(next.tenantId())) {
                byTenantId.computeIfPresent(previous.tenantId(), (k, held) -> held.id() == previous.id() ? null : held);
            }
            for (PsaRef ref : previous.view().refs()) {
                if (!keptRefs.contains(ref)) {
                    byRef.computeIfPresent(ref, (k, held) -> held.id() == previous.id() ? null : held);
                }
            }
            for (IndexedCustomer.IndexedName name : previous.names()) {
                if (!keptKeys.contains(name.key())) {
                    byKey.computeIfPresent(name.key(), (k, held) -> held.id() == previous.id() ? null : held);
                }
                String loose = name.looseKey();
                if (loose != null && !loose.isEmpty() && !keptLoose.contains(loose)) {
                    byLooseKey.computeIfPresent(loose, (k, ids) -> without(ids, previous.id()));
                }
            }
        }
        changedSinceBuild.put(next.id(), at);
        // Last, once every map holds the change: an answer worked out before this point is stale from now on.
        changes.incrementAndGet();
        return true;
    }

    /** The ids of {@code held} plus the one id of {@code added}, unless it is there already. */
    private static long[] union(long[] held, long[] added) {
        for (long id : held) {
            if (id == added[0]) {
                return held;
            }
        }
        long[] both = Arrays.copyOf(held, held.length + 1);
        both[held.length] = added[0];
        return both;
    }

    /** The ids without this one; null (no entry) when none is left. */
    private static long[] without(long[] ids, long id) {
        long[] rest = Arrays.stream(ids).filter(held -> held != id).toArray();
        return rest.length == 0 ? null : rest;
    }

    /** Forgets customers the database no longer has, unless they were applied after {@code since}. */
    synchronized void forgetUnless(Set<Long> present, long since) {
        for (Long id : new ArrayList<>(byId.keySet())) {
            if (!present.contains(id)) {
                forget(id, since);
            }
        }
    }

    /** Forgets one customer the database no longer has, unless it was applied after {@code since}. */
    synchronized void forget(long id, long since) {
        Held held = byId.get(id);
        if (held == null || held.appliedAt() > since) {
            return;
        }
        if (!held.customer().deleted()) {
            apply(held.customer().asDeleted(), true);
        }
        byId.remove(id);
    }

    long appliedAt(long customerId) {
        Held held = byId.get(customerId);
        return held == null ? 0L : held.appliedAt();
    }

    /** The customer's current state, deleted or not; null when never seen (or forgotten). */
    private IndexedCustomer current(long customerId) {
        Held held = byId.get(customerId);
        return held == null ? null : held.customer();
    }

    Optional<IndexedCustomer> byTenantId(UUID tenantId) {
        return Optional.ofNullable(byTenantId.get(tenantId));
    }

    Optional<IndexedCustomer> byKey(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    Optional<IndexedCustomer> byRef(PsaRef ref) {
        return Optional.ofNullable(byRef.get(ref));
    }

    /** Customers reached by a loose key, in display-name order. */
    List<IndexedCustomer> byLooseKey(String looseKey) {
        long[] ids = byLooseKey.get(looseKey);
        if (ids == null) {
            return List.of();
        }
        List<IndexedCustomer> found = new ArrayList<>(ids.length);
        for (long id : ids) {
            IndexedCustomer customer = current(id);
            if (customer != null && !customer.deleted()) {
                found.add(customer);
            }
        }
        found.sort(IndexedCustomer::byDisplayName);
        return found;
    }

    /** Every live customer, in no particular order. */
    java.util.Collection<IndexedCustomer> live() {
        return byTenantId.values();
    }

    int size() {
        return byTenantId.size();
    }

    /**
     * Display names of the customers most similar to the key, nearest first, then by display name.
     */
    List<String> similarDisplayNames(String key, int limit, Executor background) {
        String asked = limit + "|" + key;
        Suggested remembered = suggested.getIfPresent(asked);
        long now = changes.get();
        if (remembered != null && remembered.atChange() == now) {
            return remembered.displayNames();
        }
        List<String> names = mostSimilar(key, limit, background).stream().map(m -> m.customer().view().displayName())
                .toList();
        suggested.put(asked, new Suggested(now, names));
        return names;
    }

    /**
     * The customers most similar to the key with their distance, nearest first, then by display name.
     * Uses the built index for customers unchanged since it was built and scores changed ones directly,
     * so a write is reflected at once; the index is rebuilt in the background once enough changed.
     */
    List<SimilarNames.Match> mostSimilar(String key, int limit, Executor background) {
        long[] query = Trigrams.set(key);
        SimilarNames index = similar;
        Map<Long, Long> changed = changedSinceBuild;
        List<SimilarNames.Match> nearest = new ArrayList<>(
                index.nearest(query, changed.isEmpty() ? null : changed::containsKey, limit));
        // An emptied map keeps its table: walking it would cost as much as a large one.
        for (Long id : changed.isEmpty() ? Set.<Long>of() : changed.keySet()) {
            IndexedCustomer customer = current(id);
            if (customer == null || customer.deleted()) {
                continue;
            }
            double best = Double.MAX_VALUE;
            for (IndexedCustomer.IndexedName name : customer.names()) {
                best = Math.min(best, SimilarNames.distance(query, name.key()));
            }
            if (best <= 1) {
                nearest.add(new SimilarNames.Match(customer, best));
            }
        }
        rebuildIfStale(background);
        nearest.sort(SimilarNames.Match::nearestFirst);
        return nearest.size() > limit ? List.copyOf(nearest.subList(0, limit)) : nearest;
    }

    /**
     * True while suggestions come cheap: few enough customers changed since the similar-names index was
     * built that scoring them directly costs little (after a large import, until the rebuild is done,
     * every changed customer is scored for each miss).
     */
    boolean suggestionsQuick() {
        return changedSinceBuild.size() < REBUILD_AFTER_CHANGES;
    }

    /** Starts a rebuild of the similar-names index once enough customers changed since the last one. */
    void rebuildIfStale(Executor background) {
        if (changedSinceBuild.size() >= REBUILD_AFTER_CHANGES) {
            rebuildSimilar(background);
        }
    }

    /** Builds the similar-names index from the current customers, once at a time. */
    void rebuildSimilar(Executor executor) {
        if (!rebuilding.compareAndSet(false, true)) {
            return;
        }
        executor.execute(() -> {
            try {
                long builtAt;
                List<IndexedCustomer> customers;
                synchronized (this) {
                    builtAt = sequence.get();
                    customers = List.copyOf(byTenantId.values());
                }
                SimilarNames built = new SimilarNames(customers);
                similar = built;
                // Changes made while building may or may not be in it: they stay "changed" and are scored directly.
                changedSinceBuild.entrySet().removeIf(e -> e.getValue() <= builtAt);
            } finally {
                rebuilding.set(false);
            }
        });
    }
}
