package io.tenantportal.directory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.tenantportal.mssp.Mssp;

/**
 * One sync per MSSP across every replica: a PostgreSQL session advisory lock, held on a connection of
 * its own for the whole sync while the pages are written in short transactions of their own.
 */
@ApplicationScoped
class SyncLock {

    private static final Logger LOG = Logger.getLogger(SyncLock.class);
    /** Advisory lock class for "a directory sync of one MSSP"; the object id is the MSSP id. */
    private static final int SYNC_LOCK = 0x7470_0002;

    @Inject
    DataSource dataSource;

    /** A held lock; closing it unlocks and returns the connection. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** The MSSP's sync lock, or empty when another sync of the MSSP holds it. */
    Optional<Held> tryAcquire(Mssp mssp) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            if (!call(connection, "SELECT pg_try_advisory_lock(?, ?)", mssp)) {
                connection.close();
                return Optional.empty();
            }
            Connection held = connection;
            return Optional.of(() -> release(held, mssp));
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("could not take the sync lock of MSSP " + mssp.key(), e);
        }
    }

    private static void release(Connection connection, Mssp mssp) {
        try {
            call(connection, "SELECT pg_advisory_unlock(?, ?)", mssp);
        } catch (SQLException e) {
            // Closing the session below releases the lock anyway.
            LOG.debugf("unlock of the sync lock of MSSP %s failed: %s", mssp.key(), e.getMessage());
        } finally {
            closeQuietly(connection);
        }
    }

    private static boolean call(Connection connection, String sql, Mssp mssp) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, SYNC_LOCK);
            statement.setInt(2, (int) mssp.id());
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debugf("closing a sync lock connection failed: %s", e.getMessage());
        }
    }
}
