package io.tenantportal.integration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.tenantportal.mssp.MsspRegistry;

/**
 * Every usable integration key, by hash, in memory: a request is authenticated without touching the
 * database. Loaded at start-up; every 2 s each replica reads one counter that every create, rotate
 * and revoke bumps, and reloads when it moved, so a change reaches all replicas within seconds (the
 * replica that made it reloads at once). Expiry and the end of a grace period are checked against
 * the clock on every request, so they need no reload.
 */
@ApplicationScoped
public class IntegrationKeys {

    static final String REFRESH_JOB = "integration-keys-refresh";
    private static final Logger LOG = Logger.getLogger(IntegrationKeys.class);
    private static final HexFormat HEX = HexFormat.of();
    private static final String VERSION = "SELECT version FROM integration_change WHERE id = 1";
    private static final String USABLE_KEYS = """
            SELECT k.key_hash, i.id, i.name, i.role, m.tenant_id, i.expires_at, k.retires_at
            FROM integration_key k
            JOIN integration i ON i.id = k.integration_id
            JOIN mssp m ON m.id = i.mssp_id
            WHERE i.revoked_at IS NULL
              AND (i.expires_at IS NULL OR i.expires_at > now())
              AND (k.retires_at IS NULL OR k.retires_at > now())""";

    /** What a valid key stands for. */
    public record Holder(UUID integrationId, String name, String role, UUID msspTenantId, Instant expiresAt,
            Instant retiresAt) {

        boolean usableAt(Instant now) {
            return (expiresAt == null || now.isBefore(expiresAt)) && (retiresAt == null || now.isBefore(retiresAt));
        }
    }

    private record Snapshot(long version, Map<String, Holder> byHash) {
    }

    @Inject
    DataSource dataSource;

    private volatile Snapshot snapshot = new Snapshot(-1, Map.of());

    void onStart(@Observes @Priority(MsspRegistry.STARTUP_PRIORITY + 1) StartupEvent event) {
        reload();
        if (snapshot.version() < 0) {
            throw new IllegalStateException("integration keys could not be loaded at start-up");
        }
        LOG.infof("%d integration key(s) loaded", snapshot.byHash().size());
    }

    /** The integration behind a presented key, if the key is well formed, known and usable now. */
    public Optional<Holder> find(String presented) {
        if (!ApiKey.wellFormed(presented)) {
            return Optional.empty();
        }
        Holder holder = snapshot.byHash().get(HEX.formatHex(ApiKey.hash(presented)));
        return holder != null && holder.usableAt(Instant.now()) ? Optional.of(holder) : Optional.empty();
    }

    @Scheduled(every = "2s", identity = REFRESH_JOB, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reloadIfChanged() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            if (version(statement) != snapshot.version()) {
                reload();
            }
        } catch (SQLException e) {
            // The keys in memory stay in force; the next check tries again.
            LOG.warnf("could not check integration keys for changes (SQL state %s)", e.getSQLState());
        }
    }

    /**
     * Reads every usable key now. The version is read first: a change committed in between only
     * causes one more reload. On failure the keys in memory stay and the next check tries again.
     */
    public synchronized void reload() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            long version = version(statement);
            Map<String, Holder> byHash = new HashMap<>();
            try (ResultSet rows = statement.executeQuery(USABLE_KEYS)) {
                while (rows.next()) {
                    byHash.put(HEX.formatHex(rows.getBytes(1)), new Holder(rows.getObject(2, UUID.class),
                            rows.getString(3), rows.getString(4), rows.getObject(5, UUID.class),
                            instant(rows.getObject(6, OffsetDateTime.class)),
                            instant(rows.getObject(7, OffsetDateTime.class))));
                }
            }
            snapshot = new Snapshot(version, Map.copyOf(byHash));
        } catch (SQLException e) {
            LOG.warnf("could not load integration keys (SQL state %s)", e.getSQLState());
        }
    }

    private static long version(Statement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery(VERSION)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
