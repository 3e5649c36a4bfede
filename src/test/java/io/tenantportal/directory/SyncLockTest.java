package io.tenantportal.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
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

/** The sync lock never outlives its sync on a connection that serves other work. */
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
        return database.count("SELECT coalesce(max(pid), 0) FROM pg_locks WHERE locktype = 'advisory' AND granted"
                + " AND classid = " + SyncLock.SYNC_LOCK + " AND objid = " + mssp.id());
    }

    long sessions(long pid) {
        return database.count("SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid);
    }

    @Test
    void theLockLivesOnASessionOfItsOwnThatEndsWithIt() throws InterruptedException {
        Mssp alpha = alpha();
        long pid;
        try (SyncLock.Held held = lock.tryAcquire(alpha).orElseThrow()) {
            pid = holderOf(alpha);
            assertTrue(pid > 0, "held");
            assertEquals(1, database.count("SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid
                    + " AND application_name = 'tenant-portal sync lock'"), "not a pooled connection");
            assertEquals(Optional.empty(), lock.tryAcquire(alpha).map(h -> "acquired twice"));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (sessions(pid) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(0, sessions(pid), "the session ended, so nothing can keep the lock");
        assertEquals(0, holderOf(alpha));
    }

    @Test
    void aLockWhoseSessionCannotBeClosedCleanlyIsStillReleased() throws Exception {
        Mssp alpha = alpha();
        SyncLock.Held held = lock.tryAcquire(alpha).orElseThrow();
        long pid = holderOf(alpha);
        // The session is in a failed transaction: an unlock on it would fail and leave the lock held.
        held.session.setAutoCommit(false);
        try (Statement broken = held.session.createStatement()) {
            broken.execute("SELECT 1 / 0");
        } catch (java.sql.SQLException expected) {
            // current transaction is aborted from here on
        }
        held.close();

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (sessions(pid) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(0, holderOf(alpha));
        assertTrue(lock.tryAcquire(alpha).map(h -> {
            h.close();
            return true;
        }).orElse(false));
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
