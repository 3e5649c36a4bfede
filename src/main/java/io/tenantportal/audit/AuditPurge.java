package io.tenantportal.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Removes audit entries older than {@code tenantportal.audit.retention}, daily. It deletes in small
 * batches, each its own short transaction, so even a first purge of millions of rows never holds
 * long locks; replicas purging at the same time skip each other's rows instead of waiting.
 */
@ApplicationScoped
class AuditPurge {

    static final int BATCH_SIZE = 5_000;
    private static final Logger LOG = Logger.getLogger(AuditPurge.class);
    // By physical address (ctid, a TID scan): the primary key leads with the MSSP, so no index finds a
    // row by id alone (V15); the BRIN on occurred_at finds the old rows.
    private static final String DELETE = """
            DELETE FROM audit_event WHERE ctid = ANY (ARRAY(
                SELECT ctid FROM audit_event WHERE occurred_at < ? LIMIT ? FOR UPDATE SKIP LOCKED))""";

    @Inject
    AuditConfig config;

    @Inject
    DataSource dataSource;

    void checkRetention(@Observes StartupEvent event) {
        Duration retention = config.retention();
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalStateException("tenantportal.audit.retention must be positive, e.g. 400d");
        }
        LOG.infof("audit entries are kept for %d days", retention.toDays());
    }

    @Scheduled(cron = "0 30 3 * * ?", identity = "audit-purge", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeDaily() {
        try {
            purge(BATCH_SIZE);
        } catch (SQLException e) {
            LOG.warnf("audit purge stopped (SQL state %s); the next run continues", e.getSQLState());
        }
    }

    /** Deletes every entry older than the retention, {@code batchSize} rows per transaction; returns how many. */
    long purge(int batchSize) throws SQLException {
        OffsetDateTime cutoff = OffsetDateTime.ofInstant(Instant.now().minus(config.retention()), ZoneOffset.UTC);
        long total = 0;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(DELETE)) {
            delete.setObject(1, cutoff);
            delete.setInt(2, batchSize);
            int deleted;
            do {
                deleted = delete.executeUpdate();
                total += deleted;
            } while (deleted == batchSize);
        }
        if (total > 0) {
            LOG.infof("purged %d audit entries older than %s", total, cutoff);
        }
        return total;
    }
}
