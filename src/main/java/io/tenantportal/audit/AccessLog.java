package io.tenantportal.audit;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
 * warns at most once a minute), and a flush every second writes what is queued with one INSERT per
 * {@value #BATCH_SIZE} entries. A graceful shutdown flushes what is left.
 */
@ApplicationScoped
public class AccessLog {

    static final String FLUSH_JOB = "access-log-flush";
    static final int BATCH_SIZE = 500;
    /** A batch the database refused is tried again this many times in all, then dropped and counted. */
    static final int MAX_ATTEMPTS = 5;
    private static final Duration WARN_EVERY = Duration.ofMinutes(1);
    private static final Logger LOG = Logger.getLogger(AccessLog.class);

    /*
     * Plain JDBC with one statement over arrays: Hibernate cannot batch inserts of entities with
     * database-generated ids, and unnest makes a batch one statement and one round trip.
     */
    private static final String INSERT = """
            INSERT INTO audit_event (mssp_id, occurred_at, kind, actor_type, actor_id, actor, tenant_id, name, portal, status)
            SELECT e.mssp_id, CAST(e.occurred_at AS timestamptz), 'access', e.actor_type, e.actor_id, e.actor,
                   e.tenant_id, e.name, e.portal, e.status
            FROM unnest(?, ?, ?, ?, ?, ?, ?, ?, ?)
                 AS e (mssp_id, occurred_at, actor_type, actor_id, actor, tenant_id, name, portal, status)""";

    @Inject
    AuditConfig config;

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry meters;

    private AccessQueue queue;
    private Counter dropped;
    private Counter written;
    private final AtomicLong nextDropWarning = new AtomicLong();
    /** One flush at a time, so a flush that returns has written everything queued before it began. */
    private final ReentrantLock flushing = new ReentrantLock();

    @PostConstruct
    void init() {
        queue = new AccessQueue(config.queueCapacity());
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
                } catch (SQLException e) {
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

    private void insert(List<AccessQueue.Entry> batch) throws SQLException {
        int n = batch.size();
        Long[] mssps = new Long[n];
        String[] ats = new String[n];
        String[] actorTypes = new String[n];
        UUID[] actorIds = new UUID[n];
        String[] actors = new String[n];
        UUID[] tenantIds = new UUID[n];
        String[] names = new String[n];
        String[] portals = new String[n];
        Integer[] statuses = new Integer[n];
        for (int i = 0; i < n; i++) {
            AccessQueue.Entry e = batch.get(i);
            mssps[i] = e.msspId();
            ats[i] = e.at().toString();
            actorTypes[i] = e.actorType();
            actorIds[i] = e.actorId();
            actors[i] = e.actorName();
            tenantIds[i] = e.tenantId();
            names[i] = e.name();
            portals[i] = e.portal();
            statuses[i] = e.status();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            List<Array> arrays = List.of(connection.createArrayOf("int8", mssps), connection.createArrayOf("text", ats),
                    connection.createArrayOf("text", actorTypes), connection.createArrayOf("uuid", actorIds),
                    connection.createArrayOf("text", actors), connection.createArrayOf("uuid", tenantIds),
                    connection.createArrayOf("text", names), connection.createArrayOf("text", portals),
                    connection.createArrayOf("int4", statuses));
            for (int i = 0; i < arrays.size(); i++) {
                insert.setArray(i + 1, arrays.get(i));
            }
            insert.executeUpdate();
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

    /** Entries waiting to be written. */
    int pending() {
        return queue.size();
    }
}
