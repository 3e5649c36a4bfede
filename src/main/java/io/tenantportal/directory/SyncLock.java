package io.tenantportal.directory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agroal.pool.wrapper.ConnectionWrapper;
import io.tenantportal.mssp.Mssp;

/**
 * One sync per MSSP across every replica: a PostgreSQL session advisory lock, held on a pooled
 * connection for the whole sync while the pages are written in short transactions of their own.
 * <p>
 * A session lock outlives everything but its unlock and its session. So a connection whose unlock
 * failed, or found nothing to unlock, never goes back to the pool: it is destroyed, and the end of
 * its session releases whatever it held. Otherwise a later request on that connection would hold
 * the MSSP's sync lock without knowing it, and no sync of the MSSP could run again.
 */
@ApplicationScoped
class SyncLock {

    private static final Logger LOG = Logger.getLogger(SyncLock.class);
    /** Advisory lock class for "a directory sync of one MSSP"; the object id is the MSSP id. */
    static final int SYNC_LOCK = 0x7470_0002;
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    @Inject
    DataSource dataSource;

    /** A held lock: closing it unlocks and returns the connection, or destroys the connection. */
    static final class Held implements AutoCloseable {
        final Connection connection;
        private final Mssp mssp;

        private Held(Connection connection, Mssp mssp) {
            this.connection = connection;
            this.mssp = mssp;
        }

        @Override
        public void close() {
            boolean unlocked;
            try {
                unlocked = query(connection, "SELECT pg_advisory_unlock(?, ?)", mssp);
            } catch (SQLException e) {
                unlocked = false;
            }
            if (unlocked) {
                closeQuietly(connection);
            } else {
                LOG.warnf("MSSP '%s': the sync lock could not be unlocked; its connection is destroyed instead",
                        mssp.key());
                destroy(connection);
            }
        }
    }

    /** The MSSP's sync lock, or empty when another sync of the MSSP holds it. */
    Optional<Held> tryAcquire(Mssp mssp) {
        Connection connection = connection(mssp);
        try {
            if (query(connection, "SELECT pg_try_advisory_lock(?, ?)", mssp)) {
                return Optional.of(new Held(connection, mssp));
            }
            closeQuietly(connection);
            return Optional.empty();
        } catch (SQLException e) {
            // We cannot know whether the lock was taken: the connection must not keep it.
            destroy(connection);
            throw new IllegalStateException("could not take the sync lock of MSSP " + mssp.key(), e);
        }
    }

    /**
     * Waits until no sync of the MSSP runs: PostgreSQL queues us behind its holder for at most {@code wait}
     * ({@code lock_timeout}), then we let go at once. Transaction-scoped, so nothing outlives the wait.
     *
     * @return false when a sync still runs after {@code wait}
     */
    boolean awaitNoSync(Mssp mssp, Duration wait) {
        Connection connection = connection(mssp);
        try {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL lock_timeout = " + Math.max(1, wait.toMillis()));
            }
            boolean free = true;
            try {
                query(connection, "SELECT true FROM pg_advisory_xact_lock(?, ?)", mssp);
            } catch (SQLException e) {
                if (!LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                    throw e;
                }
                free = false;
            }
            connection.rollback();
            connection.setAutoCommit(true);
            closeQuietly(connection);
            return free;
        } catch (SQLException e) {
            destroy(connection);
            throw new IllegalStateException("could not wait for the sync lock of MSSP " + mssp.key(), e);
        }
    }

    private Connection connection(Mssp mssp) {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new DirectoryUnavailableException("no database connection for the sync lock of MSSP " + mssp.key(),
                    Duration.ofSeconds(5));
        }
    }

    private static boolean query(Connection connection, String sql, Mssp mssp) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, SYNC_LOCK);
            statement.setInt(2, (int) mssp.id());
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    /**
     * Ends the connection's session at once (which releases every lock of it) and keeps the connection
     * from serving again: Agroal, the Quarkus pool, discards a connection marked flush-only instead of
     * pooling it.
     */
    private static void destroy(Connection connection) {
        try {
            connection.unwrap(Connection.class).abort(Runnable::run);
        } catch (SQLException e) {
            LOG.warnf("could not abort a sync lock connection: %s", e.getMessage());
        }
        if (connection instanceof ConnectionWrapper pooled) {
            pooled.getHandler().setFlushOnly();
        }
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debugf("closing a sync lock connection failed: %s", e.getMessage());
        }
    }
}
