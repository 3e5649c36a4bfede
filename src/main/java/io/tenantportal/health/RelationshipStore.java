package io.tenantportal.health;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The GDAP relationships in PostgreSQL (V11__link_health.sql): per MSSP, replaced as a whole in one
 * transaction per successful read, and a read state whose version tells replicas to reload.
 */
@ApplicationScoped
class RelationshipStore {

    /** How the last read failed. */
    enum Failure {
        FORBIDDEN, UNAVAILABLE;

        String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What a replica holds of one MSSP: its read state and its relationships. */
    record Stored(long version, java.time.Instant checkedAt, String failure, java.time.Instant failedAt,
            List<DelegatedRelationship> relationships) {

        static Stored empty() {
            return new Stored(0, null, null, null, List.of());
        }
    }

    private static final int BATCH = 1_000;

    @Inject
    DataSource dataSource;

    void replace(long msspId, List<DelegatedRelationship> relationships, java.time.Instant checkedAt) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection()) {
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM gdap_relationship WHERE mssp_id = ?")) {
                    delete.setLong(1, msspId);
                    delete.executeUpdate();
                }
                try (PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO gdap_relationship (mssp_id, relationship_id, display_name, customer_tenant_id,
                            status, ends_at, auto_extends, granted_roles)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                    int pending = 0;
                    for (DelegatedRelationship r : relationships) {
                        insert.setLong(1, msspId);
                        insert.setString(2, r.id());
                        insert.setString(3, r.displayName());
                        insert.setObject(4, r.customerTenantId());
                        insert.setString(5, r.status());
                        insert.setTimestamp(6, r.endsAt() == null ? null : Timestamp.from(r.endsAt()));
                        insert.setBoolean(7, r.autoExtends());
                        insert.setArray(8, c.createArrayOf("uuid", r.grantedRoles().toArray()));
                        insert.addBatch();
                        if (++pending == BATCH) {
                            insert.executeBatch();
                            pending = 0;
                        }
                    }
                    if (pending > 0) {
                        insert.executeBatch();
                    }
                }
                try (PreparedStatement state = c.prepareStatement("""
                        INSERT INTO gdap_read_state (mssp_id, checked_at, relationships) VALUES (?, ?, ?)
                        ON CONFLICT (mssp_id) DO UPDATE SET checked_at = EXCLUDED.checked_at, failure = NULL,
                            failed_at = NULL, relationships = EXCLUDED.relationships,
                            version = gdap_read_state.version + 1""")) {
                    state.setLong(1, msspId);
                    state.setTimestamp(2, Timestamp.from(checkedAt));
                    state.setInt(3, relationships.size());
                    state.executeUpdate();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("storing GDAP relationships failed: " + e.getSQLState(), e);
            }
        });
    }

    /** Records a failed read; the relationships of the last good read stay. */
    void failed(long msspId, Failure failure, java.time.Instant at) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement state = c.prepareStatement("""
                    INSERT INTO gdap_read_state (mssp_id, failure, failed_at) VALUES (?, ?, ?)
                    ON CONFLICT (mssp_id) DO UPDATE SET failure = EXCLUDED.failure, failed_at = EXCLUDED.failed_at,
                        version = gdap_read_state.version + 1""")) {
                state.setLong(1, msspId);
                state.setString(2, failure.wire());
                state.setTimestamp(3, Timestamp.from(at));
                state.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("storing the GDAP read state failed: " + e.getSQLState(), e);
            }
        });
    }

    /** Every MSSP's read state version: one small query, run every few seconds by each replica. */
    Map<Long, Long> versions() throws SQLException {
        Map<Long, Long> versions = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT mssp_id, version FROM gdap_read_state"); ResultSet rows = q.executeQuery()) {
            while (rows.next()) {
                versions.put(rows.getLong(1), rows.getLong(2));
            }
        }
        return versions;
    }

    /** One MSSP's state and relationships, read in one snapshot. */
    Stored load(long msspId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                Stored stored = load(c, msspId);
                c.commit();
                return stored;
            } finally {
                c.rollback();
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                c.setAutoCommit(autoCommit);
            }
        }
    }

    private static Stored load(Connection c, long msspId) throws SQLException {
        long version;
        java.time.Instant checkedAt;
        String failure;
        java.time.Instant failedAt;
        try (PreparedStatement q = c.prepareStatement(
                "SELECT version, checked_at, failure, failed_at FROM gdap_read_state WHERE mssp_id = ?")) {
            q.setLong(1, msspId);
            try (ResultSet row = q.executeQuery()) {
                if (!row.next()) {
                    return Stored.empty();
                }
                version = row.getLong(1);
                checkedAt = instant(row.getTimestamp(2));
                failure = row.getString(3);
                failedAt = instant(row.getTimestamp(4));
            }
        }
        List<DelegatedRelationship> relationships = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("""
                SELECT relationship_id, display_name, customer_tenant_id, status, ends_at, auto_extends, granted_roles
                FROM gdap_relationship WHERE mssp_id = ?""")) {
            q.setLong(1, msspId);
            q.setFetchSize(BATCH);
            try (ResultSet row = q.executeQuery()) {
                while (row.next()) {
                    Array roles = row.getArray(7);
                    Set<UUID> granted = new HashSet<>();
                    for (Object id : (Object[]) roles.getArray()) {
                        granted.add((UUID) id);
                    }
                    relationships.add(new DelegatedRelationship(row.getString(1), row.getString(2),
                            row.getObject(3, UUID.class), row.getString(4), instant(row.getTimestamp(5)),
                            row.getBoolean(6), granted));
                }
            }
        }
        return new Stored(version, checkedAt, failure, failedAt, relationships);
    }

    private static java.time.Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
