package io.tenantportal.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tenantportal.mssp.Mssp;
import io.tenantportal.support.ApiTest;

/** The sync lock never outlives its sync on a pooled connection that serves other work. */
@QuarkusTest
class SyncLockTest extends ApiTest {

    @Inject
    SyncLock lock;

    @Inject
    DataSource dataSource;

    Mssp alpha() {
        long id = database.count("SELECT id FROM mssp WHERE mssp_key = 'alpha'");
        return new Mssp(id, "alpha", UUID.randomUUID(), "Alpha");
    }

    long holderOf(Mssp mssp) {
        // this database's locks only: a benchmark or another test run on the same server may hold its own
        return database.count("SELECT coalesce(max(pid), 0) FROM pg_locks WHERE locktype = 'advisory' AND granted"
                + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                + " AND classid = " + SyncLock.SYNC_LOCK + " AND objid = " + mssp.id());
    }

    long sessions(long pid) {
        return database.count("SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid);
    }

    void awaitSessionEnd(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (sessions(pid) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    @Test
    void anUnlockedLockGivesItsConnectionBackToThePool() {
        Mssp alpha = alpha();
        long pid;
        try (SyncLock.Held held = lock.tryAcquire(alpha).orElseThrow()) {
            pid = holderOf(alpha);
            assertTrue(pid > 0, "held");
            assertEquals(Optional.empty(), lock.tryAcquire(alpha).map(h -> "acquired twice"));
        }
        assertEquals(0, holderOf(alpha));
        assertEquals(1, sessions(pid), "the connection lives on in the pool");
    }

    @Test
    void aLockThatCannotBeUnlockedTakesItsConnectionAlong() throws Exception {
        Mssp alpha = alpha();
        SyncLock.Held held = lock.tryAcquire(alpha).orElseThrow();
        long pid = holderOf(alpha);
        // A failed transaction on the lock's connection: the unlock fails, and a pool would only roll back.
        held.connection.setAutoCommit(false);
        try (Statement broken = held.connection.createStatement()) {
            broken.execute("SELECT 1 / 0");
        } catch (SQLException expected) {
            // current transaction is aborted from here on
        }
        held.close();

        awaitSessionEnd(pid);
        assertEquals(0, sessions(pid), "destroyed, not pooled");
        assertEquals(0, holderOf(alpha), "its session's end released the lock");
        try (SyncLock.Held again = lock.tryAcquire(alpha).orElseThrow()) {
            assertTrue(holderOf(alpha) > 0);
        }
    }

    @Test
    void anUnlockThatFindsNoLockAlsoTakesItsConnectionAlong() throws Exception {
        Mssp alpha = alpha();
        SyncLock.Held held = lock.tryAcquire(alpha).orElseThrow();
        long pid = holderOf(alpha);
        try (Statement statement = held.connection.createStatement()) {
            statement.execute("SELECT pg_advisory_unlock_all()");
        }
        held.close();

        awaitSessionEnd(pid);
        assertEquals(0, sessions(pid), "who knows what else that session holds: destroyed");
    }

    @Test
    void waitingForAnotherReplicasSyncEndsWhenItEndsOrAfterTheWait() throws Exception {
        Mssp alpha = alpha();
        try (Connection other = dataSource.getConnection(); Statement statement = other.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + SyncLock.SYNC_LOCK + ", " + alpha.id() + ")");
            long started = System.nanoTime();
            assertFalse(lock.awaitNoSync(alpha, Duration.ofMillis(300)));
            long waitedMs = (System.nanoTime() - started) / 1_000_000;
            assertTrue(waitedMs >= 300, "waited " + waitedMs + " ms");
            statement.execute("SELECT pg_advisory_unlock_all()");
        }
        assertTrue(lock.awaitNoSync(alpha, Duration.ofMillis(300)));
        assertEquals(0, holderOf(alpha), "waiting took the lock only for a moment");
    }
}
