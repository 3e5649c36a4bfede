package io.tenantportal.directory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.tenantportal.mssp.Mssp;

/**
 * One sync per MSSP across every replica: a PostgreSQL session advisory lock, held for the whole sync
 * while the pages are written in short transactions of their own.
 * <p>
 * The lock lives on a database session of its own, opened for it and closed after it, never on a
 * connection of the pool: PostgreSQL releases a session lock when the session ends, so releasing is
 * closing, and no unlock that fails or finds nothing to unlock can leave the lock held on a pooled
 * connection that serves other requests afterwards. A sync is rare, so one extra connection per sync
 * costs nothing worth pooling.
 */
@ApplicationScoped
class SyncLock {

    private static final Logger LOG = Logger.getLogger(SyncLock.class);
    /** Advisory lock class for "a directory sync of one MSSP"; the object id is the MSSP id. */
    static final int SYNC_LOCK = 0x7470_0002;
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    /** A held lock: closing it ends its database session, which releases the lock. */
    static final class Held implements AutoCloseable {
        final Connection session;

        private Held(Connection session) {
            this.session = session;
        }

        @Override
        public void close() {
            end(session);
        }
    }

    /** The MSSP's sync lock, or empty when another sync of the MSSP holds it. */
    Optional<Held> tryAcquire(Mssp mssp) {
        Connection session = open(mssp);
        try {
            if (lock(session, "SELECT pg_try_advisory_lock(?, ?)", mssp)) {
                return Optional.of(new Held(session));
            }
            end(session);
            return Optional.empty();
        } catch (SQLException e) {
            end(session);
            throw new IllegalStateException("could not take the sync lock of MSSP " + mssp.key(), e);
        }
    }

    /**
     * Waits until no sync of the MSSP runs (PostgreSQL queues us behind the holder, up to {@code wait}).
     *
     * @return false when one still runs after {@code wait}
     */
    boolean awaitNoSync(Mssp mssp, Duration wait) {
        Connection session = open(mssp);
        try (Statement statement = session.createStatement()) {
            statement.execute("SET lock_timeout = " + Math.max(1, wait.toMillis()));
            lock(session, "SELECT true FROM pg_advisory_lock(?, ?)", mssp);
            return true;
        } catch (SQLException e) {
            if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                return false;
            }
            throw new IllegalStateException("could not wait for the sync lock of MSSP " + mssp.key(), e);
        } finally {
            end(session);
        }
    }

    private Connection open(Mssp mssp) {
        Properties properties = new Properties();
        username.ifPresent(user -> properties.setProperty("user", user));
        password.ifPresent(secret -> properties.setProperty("password", secret));
        properties.setProperty("ApplicationName", "tenant-portal sync lock");
        try {
            Connection session = new org.postgresql.Driver().connect(url, properties);
            if (session == null) {
                throw new IllegalStateException("quarkus.datasource.jdbc.url is not a PostgreSQL URL");
            }
            return session;
        } catch (SQLException e) {
            throw new IllegalStateException("could not open a session for the sync lock of MSSP " + mssp.key(), e);
        }
    }

    private static boolean lock(Connection session, String sql, Mssp mssp) throws SQLException {
        try (PreparedStatement statement = session.prepareStatement(sql)) {
            statement.setInt(1, SYNC_LOCK);
            statement.setInt(2, (int) mssp.id());
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    /** Ends the session; if it will not close cleanly, drops its socket, which ends it all the same. */
    private static void end(Connection session) {
        try {
            session.close();
        } catch (SQLException e) {
            LOG.debugf("closing a sync lock session failed (%s); dropping it", e.getMessage());
            try {
                session.abort(Runnable::run);
            } catch (SQLException again) {
                LOG.warnf("could not drop a sync lock session: %s", again.getMessage());
            }
        }
    }
}
