package io.tenantportal.directory;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Uni;
import io.tenantportal.health.DelegatedRelationship;
import io.tenantportal.health.LinkHealthService;
import io.tenantportal.mssp.Mssp;
import io.tenantportal.problem.ProblemException;
import io.tenantportal.tenant.CustomerService;
import io.tenantportal.tenant.CustomerService.Learned;
import io.tenantportal.tenant.DirectoryEntry;

/**
 * Brings one MSSP's mapping in step with its directory: every page of the GDAP customers, then of the
 * contracts, written in a short transaction of its own; then Graph customers no list named any more
 * are marked gone. Memory holds one page and the tenant ids seen. Manual mappings are never changed.
 * A dry run does all of it and rolls every page back.
 */
@ApplicationScoped
public class DirectorySync {

    private static final Logger LOG = Logger.getLogger(DirectorySync.class);
    static final String ACTOR = "graph-sync";

    public enum Trigger {
        SCHEDULE, MANUAL, MISS;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Inject
    Directory directory;

    @Inject
    CustomerService customers;

    @Inject
    SyncReports reports;

    @Inject
    SyncLock lock;

    @Inject
    GraphConfig config;

    @Inject
    MeterRegistry metrics;

    @Inject
    InitialDomains initialDomains;

    @Inject
    LinkHealthService linkHealth;

    /**
     * Per MSSP: when its list was last read completely, the refresh a miss is waiting for, and the last
     * failed sync, which misses are answered with until {@code retryAtNanos} instead of trying again.
     */
    private static final class Freshness {
        long lastSyncNanos;
        boolean synced;
        CompletableFuture<Void> refreshing;
        RuntimeException failure;
        long retryAtNanos;
    }

    private final Map<Long, Freshness> freshness = new ConcurrentHashMap<>();

    /**
     * Runs a sync now.
     *
     * @throws ProblemException 409 when another sync of the MSSP is running (here or on another replica)
     * @throws DirectoryUnavailableException when Graph cannot be asked; a failed report is stored
     */
    public SyncReportView run(Mssp mssp, Trigger trigger, boolean dryRun) {
        if (!directory.serves(mssp)) {
            throw new ProblemException(409, "directory-not-configured", "Conflict", "This MSSP has no Microsoft "
                    + "Graph credentials (client-id, client-secret), so there is nothing to sync from.");
        }
        try (SyncLock.Held held = lock.tryAcquire(mssp).orElseThrow(() -> new ProblemException(409,
                "sync-running", "Conflict", "A sync of this MSSP is already running; see GET /sync."))) {
            return runLocked(mssp, trigger, dryRun);
        }
    }

    /**
     * Makes the MSSP's list fresh for a name unknown locally: at most one refresh in flight per MSSP
     * and at most one per {@code refresh-min-interval}, whether it succeeded or failed; callers meanwhile
     * wait for the running one, and after a failure get that failure from memory (503 with the time
     * left as Retry-After, or the refusal of both lists) without a new attempt or report. A sync
     * running on another replica is waited for instead of repeated.
     */
    void refreshForMiss(Mssp mssp) {
        Freshness state = freshness.computeIfAbsent(mssp.id(), k -> new Freshness());
        CompletableFuture<Void> refresh;
        boolean mine = false;
        synchronized (state) {
            long now = System.nanoTime();
            if (state.failure != null && now - state.retryAtNanos < 0) {
                throw remembered(state.failure, Duration.ofNanos(state.retryAtNanos - now));
            }
            if (state.synced && now - state.lastSyncNanos < config.refreshMinInterval().toNanos()) {
                return;
            }
            if (state.refreshing == null) {
                state.refreshing = new CompletableFuture<>();
                mine = true;
            }
            refresh = state.refreshing;
        }
        if (!mine) {
            // Mutiny's await hands the refresh's own exception to every caller that waited for it.
            Uni.createFrom().completionStage(refresh).await().indefinitely();
            return;
        }
        try {
            refreshOrWait(mssp);
            refresh.complete(null);
        } catch (RuntimeException e) {
            refresh.completeExceptionally(e);
            throw e;
        } finally {
            synchronized (state) {
                state.refreshing = null;
            }
        }
    }

    private static RuntimeException remembered(RuntimeException failure, Duration left) {
        return failure instanceof DirectoryUnavailableException unavailable
                ? new DirectoryUnavailableException(unavailable.reason(), left)
                : failure;
    }

    private void refreshOrWait(Mssp mssp) {
        Optional<SyncLock.Held> held = lock.tryAcquire(mssp);
        if (held.isPresent()) {
            try (SyncLock.Held h = held.get()) {
                runLocked(mssp, Trigger.MISS, false);
                return;
            }
        }
        // Another sync of this MSSP is running: once it ends, the mapping is as fresh as ours would make it.
        if (!lock.awaitNoSync(mssp, config.syncWait())) {
            throw new DirectoryUnavailableException("a sync of MSSP " + mssp.key() + " is still running",
                    config.syncWait());
        }
    }

    private SyncReportView runLocked(Mssp mssp, Trigger trigger, boolean dryRun) {
        Instant started = Instant.now().truncatedTo(ChronoUnit.MICROS);
        long startedNanos = System.nanoTime();
        Tally tally = new Tally();
        SyncReport report = new SyncReport();
        report.msspId = mssp.id();
        report.trigger = trigger.wire();
        report.dryRun = dryRun;
        report.startedAt = started;
        List<String> sources = new ArrayList<>();
        List<String> forbidden = new ArrayList<>();
        RuntimeException failure = null;
        try {
            for (CustomerList list : CustomerList.values()) {
                try {
                    tally.pages += directory.readCustomers(mssp, list, page -> write(mssp, page, tally, dryRun));
                    sources.add(list.wire());
                } catch (DirectoryForbiddenException e) {
                    forbidden.add(list.wire());
                    LOG.warnf("MSSP '%s': Graph refused the %s list (403); grant the permission in the README",
                            mssp.key(), list.wire());
                }
            }
            if (sources.isEmpty()) {
                throw new DirectoryForbiddenException("both customer lists (GDAP customers and contracts)");
            }
            tally.gone = markGone(mssp, tally, dryRun);
            if (!dryRun && trigger != Trigger.MISS) {
                // slow (a call per customer tenant), so never while a miss waits for the sync
                initialDomains.fill(mssp);
            }
        } catch (DirectoryUnavailableException e) {
            failure = e;
            report.error = e.reason();
        } catch (ProblemException e) {
            failure = e;
            report.error = e.detail();
        }
        // A miss waits for its refresh: it gets the customer list only; link health follows the next full sync.
        if (failure == null && !dryRun && trigger != Trigger.MISS) {
            readRelationships(mssp, report);
        }
        report.finishedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        report.durationMs = Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
        report.outcome = failure == null ? "succeeded" : "failed";
        tally.fill(report);
        report.sources = sources.toArray(String[]::new);
        report.forbidden = forbidden.toArray(String[]::new);
        SyncReports.Stored stored = reports.store(report);
        record(mssp, report, stored);
        if (!dryRun) {
            remember(mssp, startedNanos, failure);
        }
        if (failure != null) {
            throw failure;
        }
        return stored.view();
    }

    /** A finished sync (not a dry run) decides when the next miss may refresh again. */
    private void remember(Mssp mssp, long startedNanos, RuntimeException failure) {
        Freshness state = freshness.computeIfAbsent(mssp.id(), k -> new Freshness());
        synchronized (state) {
            state.failure = failure;
            if (failure == null) {
                state.synced = true;
                state.lastSyncNanos = startedNanos;
                return;
            }
            Duration wait = config.refreshMinInterval();
            if (failure instanceof DirectoryUnavailableException unavailable
                    && unavailable.retryAfter().compareTo(wait) > 0) {
                wait = unavailable.retryAfter();
            }
            state.retryAtNanos = System.nanoTime() + wait.toNanos();
        }
    }

    private void write(Mssp mssp, DirectoryPage page, Tally tally, boolean dryRun) {
        inTransaction(dryRun, () -> {
            for (DirectoryEntry entry : page.entries()) {
                boolean seen = tally.seen.containsKey(entry.tenantId());
                CustomerService.LearnResult result = customers.learn(mssp, entry, seen, ACTOR);
                tally.seen.merge(entry.tenantId(), result, Tally::worse);
            }
            return null;
        });
        tally.invalid += page.invalid();
    }

    private int markGone(Mssp mssp, Tally tally, boolean dryRun) {
        return inTransaction(dryRun, () -> {
            List<UUID> gone = customers.listedGraphCustomers(mssp).stream()
                    .filter(id -> !tally.seen.containsKey(id)).toList();
            return gone.isEmpty() ? 0 : customers.markGone(mssp, gone, ACTOR);
        });
    }

    /** A short transaction of its own; a dry run does the same work and rolls it back. */
    private static <T> T inTransaction(boolean rollBack, Supplier<T> work) {
        if (!rollBack) {
            return QuarkusTransaction.requiringNew().call(work::get);
        }
        try {
            QuarkusTransaction.requiringNew().call(() -> {
                throw new RolledBack(work.get());
            });
            throw new IllegalStateException("unreachable");
        } catch (RolledBack rolledBack) {
            @SuppressWarnings("unchecked")
            T result = (T) rolledBack.result;
            return result;
        }
    }

    /** Carries a dry run's result out of the transaction it rolls back. */
    private static final class RolledBack extends RuntimeException {
        private final transient Object result;

        RolledBack(Object result) {
            super(null, null, false, false);
            this.result = result;
        }
    }

    /** Metrics count every run; the log says a repeated failure once, at its first time. */
    private void record(Mssp mssp, SyncReport run, SyncReports.Stored stored) {
        SyncReportView view = stored.view();
        metrics.counter("tenantportal.sync.runs", "trigger", run.trigger, "outcome", run.outcome,
                "dry_run", Boolean.toString(run.dryRun)).increment();
        if (!view.dryRun()) {
            Map<String, Integer> counts = Map.of("added", view.added(), "updated", view.updated(), "gone",
                    view.gone(), "unchanged", view.unchanged(), "skipped", view.skipped());
            counts.forEach((result, n) -> metrics.counter("tenantportal.sync.customers", "result", result)
                    .increment(n));
        }
        if (stored.repeat()) {
            LOG.debugf("MSSP '%s': %s sync failed again (%d repeats of report %d): %s", mssp.key(), run.trigger,
                    view.repeated(), view.id(), view.error());
            return;
        }
        LOG.infof("MSSP '%s': %s%s sync %s in %d ms: %d added, %d updated, %d gone, %d unchanged, %d skipped, "
                + "%d page(s), lists %s%s%s", mssp.key(), view.dryRun() ? "dry-run " : "", view.trigger(),
                view.outcome(), view.durationMs(), view.added(), view.updated(), view.gone(), view.unchanged(),
                view.skipped(), view.pagesRead(), view.sources(),
                view.forbidden().isEmpty() ? "" : ", forbidden " + view.forbidden(),
                view.error() == null ? "" : ": " + view.error());
    }

    /** The run's counts: per tenant id seen, the strongest outcome of its lists (keys only, no customers). */
    private static final class Tally {
        final Map<UUID, CustomerService.LearnResult> seen = new HashMap<>();
        int pages;
        int invalid;
        int gone;

        static CustomerService.LearnResult worse(CustomerService.LearnResult a, CustomerService.LearnResult b) {
            Learned outcome = a.outcome().compareTo(b.outcome()) >= 0 ? a.outcome() : b.outcome();
            return new CustomerService.LearnResult(outcome, Math.max(a.skippedNames(), b.skippedNames()));
        }

        void fill(SyncReport report) {
            for (CustomerService.LearnResult result : seen.values()) {
                switch (result.outcome()) {
                    case ADDED -> report.added++;
                    case UPDATED -> report.updated++;
                    case UNCHANGED -> report.unchanged++;
                }
                report.skipped += result.skippedNames();
            }
            report.skipped += invalid;
            report.gone = gone;
            report.pagesRead = pages;
        }
    }

    void forget() {
        freshness.clear();
    }

    /**
     * After the customer lists: the GDAP relationships behind link health. Their failure never fails the
     * customer sync; the report says how it went. 403 makes the MSSP's health unknown; an outage keeps the
     * last good read (and its checkedAt).
     */
    private void readRelationships(Mssp mssp, SyncReport report) {
        try {
            Optional<List<DelegatedRelationship>> read = directory.readRelationships(mssp);
            if (read.isEmpty()) {
                return;
            }
            linkHealth.replace(mssp, read.get());
            report.relationships = read.get().size();
            report.relationshipsOutcome = "read";
        } catch (DirectoryForbiddenException e) {
            linkHealth.readFailed(mssp, true);
            report.relationshipsOutcome = "forbidden";
            LOG.warnf("MSSP '%s': Graph refused the GDAP relationships (403), so link health is unknown; grant "
                    + "DelegatedAdminRelationship.Read.All (README \"Link health\")", mssp.key());
        } catch (DirectoryUnavailableException e) {
            linkHealth.readFailed(mssp, false);
            report.relationshipsOutcome = "unavailable";
            LOG.warnf("MSSP '%s': GDAP relationships not read (%s); link health keeps the last read", mssp.key(),
                    e.reason());
        }
    }
}
