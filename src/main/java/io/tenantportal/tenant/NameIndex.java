package io.tenantportal.tenant;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

/**
 * Every MSSP's customers and names in memory, so resolving a name (tenant id, exact key, loose key) and
 * suggesting similar names need no database round trip. It is loaded at start-up and kept current:
 * a write applies its own changes when its transaction commits (read-your-writes on this replica), and
 * {@link CustomerChangeFeed} applies what other replicas committed, as PostgreSQL notifies it.
 */
@ApplicationScoped
public class NameIndex {

    private static final Logger LOG = Logger.getLogger(NameIndex.class);
    /** Customers read again per query by {@link #reloadCommitted}. */
    private static final int RELOAD_BATCH = 10_000;

    @Inject
    CustomerSnapshots snapshots;

    private final Map<Long, MsspNames> byMssp = new ConcurrentHashMap<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "name-index");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean loaded;

    MsspNames of(long msspId) {
        // A plain read first: every redirect passes here, and computeIfAbsent may lock the bin even when present.
        MsspNames names = byMssp.get(msspId);
        return names != null ? names : byMssp.computeIfAbsent(msspId, id -> new MsspNames());
    }

    /** True once the first full load finished: until then the replica is not ready. */
    public boolean loaded() {
        return loaded;
    }

    /** Live customers per MSSP id. */
    public Map<Long, Integer> sizes() {
        Map<Long, Integer> sizes = new HashMap<>();
        byMssp.forEach((mssp, names) -> sizes.put(mssp, names.size()));
        return sizes;
    }

    Optional<IndexedCustomer> byTenantId(long msspId, UUID tenantId) {
        return of(msspId).byTenantId(tenantId);
    }

    Optional<IndexedCustomer> byKey(long msspId, String key) {
        return of(msspId).byKey(key);
    }

    Optional<IndexedCustomer> byRef(long msspId, PsaRef ref) {
        return of(msspId).byRef(ref);
    }

    List<IndexedCustomer> byLooseKey(long msspId, String looseKey) {
        return of(msspId).byLooseKey(looseKey);
    }

    List<String> similarDisplayNames(long msspId, String key, int limit) {
        return of(msspId).similarDisplayNames(key, limit, background);
    }

    /** See {@link MsspNames#suggestionsQuick()}. */
    boolean suggestionsQuick(long msspId) {
        return of(msspId).suggestionsQuick();
    }

    Collection<IndexedCustomer> live(long msspId) {
        return of(msspId).live();
    }

    /** A customer and how similar its most similar name is to a name asked for (0 to 1, as pg_trgm scores). */
    public record SimilarCustomer(CustomerView customer, double similarity) {
    }

    /** The live customer one of whose names has this exact key (see {@link NameKey#exact}). */
    public Optional<CustomerView> customerNamed(long msspId, String exactKey) {
        return byKey(msspId, exactKey).map(IndexedCustomer::view);
    }

    /** The live customers reached by this loose key (see {@link NameKey#loose}), in display-name order. */
    public List<CustomerView> customersLooselyNamed(long msspId, String looseKey) {
        return byLooseKey(msspId, looseKey).stream().map(IndexedCustomer::view).toList();
    }

    /** The live customer holding this PSA reference. */
    public Optional<CustomerView> customerWithRef(long msspId, PsaRef ref) {
        return byRef(msspId, ref).map(IndexedCustomer::view);
    }

    /** Up to {@code limit} customers with a name similar to the exact key, most similar first (see {@link SimilarNames}). */
    public List<SimilarCustomer> similarCustomers(long msspId, String exactKey, int limit) {
        return of(msspId).mostSimilar(exactKey, limit, background).stream()
                .map(m -> new SimilarCustomer(m.customer().view(), 1 - m.distance())).toList();
    }

    /**
     * Reads these customers again after a bulk write committed, so this replica answers from the new
     * state at once (read-your-writes without staging each customer); other replicas follow their
     * notifications. The similar-names index is rebuilt in the background when many changed.
     */
    public void reloadCommitted(Collection<Long> customerIds) {
        long started = System.nanoTime();
        List<Long> ids = List.copyOf(customerIds);
        for (int from = 0; from < ids.size(); from += RELOAD_BATCH) {
            reload(ids.subList(from, Math.min(ids.size(), from + RELOAD_BATCH)));
        }
        byMssp.values().forEach(names -> names.rebuildIfStale(background));
        LOG.debugf("name index: %d customers of a bulk write read again in %d ms", ids.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Applies states that a committed transaction wrote; older versions than those held are ignored. */
    void apply(Collection<IndexedCustomer> customers) {
        for (IndexedCustomer customer : customers) {
            of(customer.msspId()).apply(customer, false);
        }
    }

    /** Reads these customers again and applies what the database holds now. */
    void reload(Collection<Long> customerIds) {
        Map<MsspNames, Long> startedAt = new HashMap<>();
        byMssp.values().forEach(names -> startedAt.put(names, names.sequence()));
        List<IndexedCustomer> found = snapshots.byIds(customerIds);
        apply(found);
        Set<Long> missing = new HashSet<>(customerIds);
        found.forEach(c -> missing.remove(c.id()));
        // Rows gone from the table (only a TRUNCATE does that): forget them where nothing newer arrived.
        startedAt.forEach((names, since) -> missing.forEach(id -> names.forget(id, since)));
    }

    /**
     * Loads every customer and replaces what the index held before the load began; what a write applied
     * while loading is kept. Used at start-up and whenever notifications may have been missed.
     */
    public void reloadAll() {
        Map<Long, Long> startedAt = new HashMap<>();
        byMssp.forEach((mssp, names) -> startedAt.put(mssp, names.sequence()));
        long started = System.nanoTime();
        Map<Long, Set<Long>> present = new HashMap<>();
        // Applied as the rows arrive, not read into a list first: the heap holds one batch of rows beside
        // the index being built, not every customer's rows as well.
        snapshots.forEachIndexed(customer -> {
            MsspNames names = of(customer.msspId());
            long since = startedAt.getOrDefault(customer.msspId(), 0L);
            // A copy applied before this load began is older than what the load read: replace it.
            names.apply(customer, names.appliedAt(customer.id()) <= since);
            present.computeIfAbsent(customer.msspId(), m -> new HashSet<>()).add(customer.id());
        });
        byMssp.forEach((mssp, names) -> {
            names.forgetUnless(present.getOrDefault(mssp, Set.of()), startedAt.getOrDefault(mssp, 0L));
            names.rebuildSimilar(Runnable::run);
        });
        boolean first = !loaded;
        loaded = true;
        // Said once at start-up; later reloads (after a lost notification connection) only when asked.
        LOG.logf(first ? Logger.Level.INFO : Logger.Level.DEBUG, "name index: %d customers of %d MSSP(s) loaded in %d ms",
                present.values().stream().mapToInt(Set::size).sum(), present.size(), (System.nanoTime() - started) / 1_000_000);
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }

    /** The MSSP's live customers as the API shows them (for reports over all of them). */
    public List<CustomerView> liveCustomers(long msspId) {
        return live(msspId).stream().map(IndexedCustomer::view).toList();
    }
}
