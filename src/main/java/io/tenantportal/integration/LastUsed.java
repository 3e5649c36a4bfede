package io.tenantportal.integration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * When each integration last authenticated. A request only notes the time in memory; once a minute
 * (and at shutdown) one UPDATE writes the latest time of every integration used since, so "last used"
 * never costs a database write per request. Times only move forward, across replicas too.
 */
@ApplicationScoped
class LastUsed {

    static final String FLUSH_JOB = "integration-last-used-flush";
    private static final Logger LOG = Logger.getLogger(LastUsed.class);
    private static final String UPDATE = """
            UPDATE integration i SET last_used_at = GREATEST(i.last_used_at, CAST(u.used_at AS timestamptz))
            FROM unnest(?, ?) AS u (id, used_at)
            WHERE i.id = u.id""";

    @Inject
    DataSource dataSource;

    private final Map<UUID, Instant> pending = new ConcurrentHashMap<>();

    void touch(UUID integrationId) {
        pending.put(integrationId, IntegrationService.now());
    }

    /** A use this replica has not written yet. */
    Optional<Instant> unwritten(UUID integrationId) {
        return Optional.ofNullable(pending.get(integrationId));
    }

    @Scheduled(every = "60s", identity = FLUSH_JOB, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void flushOnSchedule() {
        flush();
    }

    void flushOnShutdown(@Observes ShutdownEvent event) {
        flush();
    }

    /** Writes the uses noted so far; returns how many integrations were written. */
    synchronized int flush() {
        Map<UUID, Instant> batch = new HashMap<>(pending);
        if (batch.isEmpty()) {
            return 0;
        }
        UUID[] ids = batch.keySet().toArray(UUID[]::new);
        String[] times = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            times[i] = batch.get(ids[i]).toString();
        }
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(UPDATE)) {
            update.setArray(1, connection.createArrayOf("uuid", ids));
            update.setArray(2, connection.createArrayOf("text", times));
            update.executeUpdate();
        } catch (SQLException e) {
            LOG.warnf("could not write when integrations were last used (SQL state %s); trying again later", e.getSQLState());
            return 0;
        }
        // A use noted while writing stays for the next flush.
        batch.forEach(pending::remove);
        return batch.size();
    }
}
