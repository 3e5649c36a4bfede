package io.tenantportal.audit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.tenantportal.mssp.Actor;
import io.tenantportal.mssp.Mssp;
import io.tenantportal.problem.ProblemException;

/**
 * Records every resolve off the request path: {@link #record} only puts the entry in a bounded
 * in-memory queue ({@link AccessQueue}; never blocking: a full queue drops the entry, counts it and
 * warns at most once a minute), and a flush writes what is queued with one binary COPY per
 * {@value #BATCH_SIZE} entries: every second, and sooner on its own thread as soon as two batches
 * (or half the queue, when it is smaller) wait, so that a busy replica neither fills the queue between two
 * scheduled flushes nor writes in bursts that hold up requests. A graceful shutdown flushes what is left.
 */
@ApplicationScoped
public class AccessLog {

    static final String FLUSH_JOB = "access-log-flush";
    static final int BATCH_SIZE = 500;
    /** A batch the database refused is tried again this many times in all, then dropped and counted. */
    static final int MAX_ATTEMPTS = 5;
    private static final Duration WARN_EVERY = Duration.ofMinutes(1);
    private static final Logger LOG = Logger.getLogger(AccessLog.class);

    @Inject
    AuditConfig config;

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry meters;

    private AccessQueue queue;
    /** Queued entries that start a flush before the next scheduled one. */
    private int flushEarlyAt;
    private Counter dropped;
    private Counter written;
    private final AtomicLong nextDropWarning = new AtomicLong();
    /** One flush at a time, so a flush that returns has written everything queued before it began. */
    private final ReentrantLock flushing = new ReentrantLock();
    /** Runs the early flushes; the scheduler's thread runs the others. */
    private final ExecutorService earlyFlushes = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "access-log-flush");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean earlyFlushQueued = new AtomicBoolean();
    /**
     * The last write failed (the database is away): no early flushes then, only the scheduled one each
     * second, so a batch's {@value #MAX_ATTEMPTS} attempts span seconds of an outage, not milliseconds.
     */
    private volatile boolean failing;

    @PostConstruct
    void init() {
        queue = new AccessQueue(config.queueCapacity());
        flushEarlyAt = Math.max(1, Math.min(2 * BATCH_SIZE, queue.capacity() / 2));
        dropped = meters.counter("tenantportal.audit.dropped");
        written = meters.counter("tenantportal.audit.written");
        meters.gauge("tenantportal.audit.pending", queue, AccessQueue::size);
    }

    /** Records one resolve of the caller's MSSP; returns at once. */
    public void record(Mssp mssp, Actor actor, AccessRecord record) {
        if (!config.access()) {
            return;
        }
        if (!queue.offer(mssp.id(), Instant.now(), actor, record)) {
            droppedOne();
        } else if (queue.size() >= flushEarlyAt && !failing && earlyFlushQueued.compareAndSet(false, true)) {
            try {
                earlyFlushes.execute(() -> {
                    earlyFlushQueued.set(false);
                    flush();
                });
            } catch (RejectedExecutionException shuttingDown) {
                // the shutdown flush writes what is queued
            }
        }
    }

    private void droppedOne() {
        dropped.increment();
        long now = System.currentTimeMillis();
        long next = nextDropWarning.get();
        if (now >= next && nextDropWarning.compareAndSet(next, now + WARN_EVERY.toMillis())) {
            LOG.warnf("access log queue is full (%d entries): accesses are being dropped; see "
                    + "tenantportal_audit_dropped_total", queue.capacity());
        }
    }

    @Scheduled(every = "1s", identity = FLUSH_JOB, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void flushOnSchedule() {
        flush();
    }

    void flushOnShutdown(@Observes ShutdownEvent event) {
        earlyFlushes.shutdown();
        int count = flush();
        LOG.infof("access log flushed %d entr%s at shutdown; %d left unwritten", count, count == 1 ? "y" : "ies",
                queue.size());
    }

    /** Writes every entry queued before this call; returns how many were written. */
    public int flush() {
        flushing.lock();
        try {
            int total = 0;
            // Only what was queued when the flush began, so a flush under steady load still ends.
            int remaining = queue.size();
            List<AccessQueue.Entry> batch = new ArrayList<>(BATCH_SIZE);
            while (remaining > 0) {
                int taken = queue.drainTo(batch, Math.min(BATCH_SIZE, remaining));
                if (taken == 0) {
                    break;
                }
                remaining -= taken;
                try {
                    insert(batch);
                    total += taken;
                    written.increment(taken);
                    failing = false;
                } catch (SQLException e) {
                    failing = true;
                    // No SQL or data in the log line: the state says what kind of failure it was.
                    LOG.warnf("could not write %d access log entries (SQL state %s); they are kept for the next flush",
                            taken, e.getSQLState());
                    batch.forEach(this::retry);
                    break;
                } finally {
                    batch.clear();
                }
            }
            return total;
        } finally {
            flushing.unlock();
        }
    }

    private void retry(AccessQueue.Entry entry) {
        if (entry.attempts() + 1 >= MAX_ATTEMPTS) {
            dropped.increment();
        } else if (!queue.retry(entry)) {
            droppedOne();
        }
    }

    /*
     * Binary COPY through pgjdbc rather than Hibernate: Hibernate cannot batch inserts of entities with
     * database-generated ids, and COPY costs PostgreSQL the least per row (see AccessRows).
     */
    private void insert(List<AccessQueue.Entry> batch) throws SQLException {
        byte[] rows = AccessRows.encode(batch);
        try (Connection connection = dataSource.getConnection()) {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(AccessRows.COPY, new ByteArrayInputStream(rows));
        } catch (IOException e) {
            throw new SQLException("the access rows could not be sent", "08006", e);
        }
    }

    /** The status a caller gets for a failed resolve, as {@code ProblemMapper} answers it. */
    public static int statusOf(RuntimeException failure) {
        if (failure instanceof ProblemException problem) {
            return problem.status();
        }
        if (failure instanceof WebApplicationException http) {
            return http.getResponse().getStatus();
        }
        return failure instanceof ConstraintViolationException ? 400 : 500;
    }

    /**
     * Holds back every flush but the calling thread's own until the returned action runs on the same
     * thread: lets a test watch the queue fill.
     */
    Runnable holdFlushes() {
        flushing.lock();
        return flushing::unlock;
    }

    int flushEarlyAt() {
        return flushEarlyAt;
    }

    /** Entries waiting to be written. */
    int pending() {
        return queue.size();
    }
}
