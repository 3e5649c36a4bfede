package io.tenantportal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.tenantportal.mssp.Actor;
import io.tenantportal.mssp.Mssp;
import io.tenantportal.mssp.MsspRegistry;
import io.tenantportal.support.ApiTest;
import io.tenantportal.support.TestTokens;
import io.tenantportal.tenant.TenantId;

/**
 * The access log's queue: nothing written on the request path, a busy queue written early, nothing
 * lost at shutdown, overflow counted.
 */
@QuarkusTest
class AccessLogTest extends ApiTest {

    static final UUID CONTOSO = UUID.fromString("2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01");

    @Inject
    AccessLog accessLog;

    @Inject
    AuditConfig config;

    @Inject
    Scheduler scheduler;

    @Inject
    MsspRegistry registry;

    @Inject
    MeterRegistry meters;

    private Mssp alpha;

    @BeforeEach
    void holdTheScheduledFlush() {
        // The scheduled flush would race the test for the queue; the test decides when entries are written.
        scheduler.pause(AccessLog.FLUSH_JOB);
        // What earlier tests' requests left queued is written now and cleared, so each test counts only its own.
        accessLog.flush();
        database.execute("DELETE FROM audit_event WHERE kind = 'access'");
        alpha = registry.byTenantId(TenantId.parse(TestTokens.ALPHA).orElseThrow()).orElseThrow();
    }

    @AfterEach
    void releaseTheScheduledFlush() {
        accessLog.flush();
        scheduler.resume(AccessLog.FLUSH_JOB);
    }

    private long accesses() {
        return database.count("SELECT count(*) FROM audit_event WHERE kind = 'access'");
    }

    @Test
    void shutdownWritesEverythingStillQueued() throws InterruptedException {
        Runnable release = accessLog.holdFlushes();
        try {
            for (int i = 0; i < 1_234; i++) {
                accessLog.record(alpha, Actor.user("analyst-" + (i % 7)), AccessRecord.resolved(CONTOSO, "defender", 302));
            }
            Thread.sleep(1_500);
            assertEquals(0, accesses(), "written while the flush was held");
            assertEquals(1_234, accessLog.pending());

            accessLog.flushOnShutdown(new ShutdownEvent());
        } finally {
            release.run();
        }

        assertEquals(0, accessLog.pending());
        assertEquals(1_234, accesses());
        assertEquals(1_234, database.count("SELECT count(*) FROM audit_event WHERE kind = 'access' AND status = 302 "
                + "AND portal = 'defender' AND actor_type = 'user' AND actor LIKE 'analyst-%' AND tenant_id = '" + CONTOSO
                + "' AND name IS NULL AND mssp_id = " + alpha.id()));
    }

    @Test
    void aFailingDatabaseGetsOneAttemptASecondNotOnePerBusyRequest() throws InterruptedException {
        double droppedBefore = meters.counter("tenantportal.audit.dropped").count();
        database.execute("ALTER TABLE audit_event ADD CONSTRAINT refuse_accesses CHECK (kind <> 'access') NOT VALID");
        try {
            for (int i = 0; i < accessLog.flushEarlyAt(); i++) {
                accessLog.record(alpha, Actor.user("analyst"), AccessRecord.resolved(CONTOSO, "defender", 302));
            }
            Thread.sleep(500); // the early flush tries, fails and puts the batch back
            for (int i = 0; i < 500; i++) {
                accessLog.record(alpha, Actor.user("analyst"), AccessRecord.resolved(CONTOSO, "defender", 302));
                Thread.sleep(1);
            }
            Thread.sleep(300);
            assertEquals(0, meters.counter("tenantportal.audit.dropped").count() - droppedBefore,
                    "entries used up their attempts in a burst of early flushes");
            assertEquals(accessLog.flushEarlyAt() + 500, accessLog.pending());
        } finally {
            database.execute("ALTER TABLE audit_event DROP CONSTRAINT refuse_accesses");
        }
        assertEquals(accessLog.flushEarlyAt() + 500, accessLog.flush());
        assertEquals(accessLog.flushEarlyAt() + 500, accesses());
    }

    @Test
    void everyColumnIsWrittenAsRecorded() {
        UUID integration = UUID.fromString("7d0c9a4e-1b2f-4e3a-9c8d-5e6f7a8b9c0d");
        Instant before = Instant.now();
        accessLog.record(alpha, Actor.integration(integration, "HaloPSA \u00fc\u2713"),
                AccessRecord.unresolved("Conts\u00f6 \u2713 \uD83D\uDE00", "purview", 404));
        accessLog.record(alpha, Actor.user("analyst@contoso.example\u0000"), AccessRecord.resolved(CONTOSO, "entra", 302));
        Instant after = Instant.now();
        assertEquals(2, accessLog.flush());

        assertEquals("integration|" + integration + "|HaloPSA \u00fc\u2713||Conts\u00f6 \u2713 \uD83D\uDE00|purview|404|" + alpha.id(),
                database.text("SELECT concat_ws('|', actor_type, actor_id, actor, coalesce(CAST(tenant_id AS text), ''), "
                        + "name, portal, status, mssp_id) FROM audit_event WHERE kind = 'access' AND status = 404"));
        assertEquals("user||analyst@contoso.example\uFFFD|" + CONTOSO + "||entra|302|" + alpha.id(),
                database.text("SELECT concat_ws('|', actor_type, coalesce(CAST(actor_id AS text), ''), actor, tenant_id, "
                        + "coalesce(name, ''), portal, status, mssp_id) FROM audit_event WHERE kind = 'access' AND status = 302"));
        Instant written = Instant.parse(database.text("SELECT to_char(min(occurred_at) AT TIME ZONE 'UTC', "
                + "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') FROM audit_event WHERE kind = 'access'"));
        assertTrue(!written.isBefore(before.truncatedTo(java.time.temporal.ChronoUnit.MICROS)) && !written.isAfter(after),
                written + " not between " + before + " and " + after);
    }

    @Test
    void aFullQueueDropsAndCountsWithoutBlocking() {
        double droppedBefore = meters.counter("tenantportal.audit.dropped").count();
        int capacity = config.queueCapacity();
        Runnable release = accessLog.holdFlushes();
        try {
            long start = System.nanoTime();
            for (int i = 0; i < capacity + 7; i++) {
                accessLog.record(alpha, Actor.user("analyst"), AccessRecord.unresolved("Contso", "defender", 404));
            }
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(2).toNanos(), "recording blocked");
            assertEquals(7, meters.counter("tenantportal.audit.dropped").count() - droppedBefore);
            assertEquals(capacity, accessLog.pending());

            assertEquals(capacity, accessLog.flush());
            assertEquals(capacity, accesses());
        } finally {
            release.run();
        }
    }

    @Test
    void aBusyQueueIsWrittenWithoutWaitingForTheSchedule() throws InterruptedException {
        // The scheduled flush is paused: only the early flush can write these.
        for (int i = 0; i < accessLog.flushEarlyAt() - 1; i++) {
            accessLog.record(alpha, Actor.user("analyst"), AccessRecord.resolved(CONTOSO, "defender", 302));
        }
        Thread.sleep(300);
        assertEquals(0, accesses(), "written before the queue was busy");
        accessLog.record(alpha, Actor.user("analyst"), AccessRecord.resolved(CONTOSO, "defender", 302));
        long start = System.nanoTime();
        while (accesses() < accessLog.flushEarlyAt()) {
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos(), "not written within 5 s");
            Thread.sleep(50);
        }
        assertEquals(accessLog.flushEarlyAt(), accesses());
        assertEquals(0, accessLog.pending());
    }

    @Test
    void theScheduledFlushWritesWithinSeconds() throws InterruptedException {
        accessLog.record(alpha, Actor.user("analyst"), AccessRecord.resolved(CONTOSO, "entra", 200));
        scheduler.resume(AccessLog.FLUSH_JOB);
        long start = System.nanoTime();
        while (accesses() == 0) {
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos(), "not written within 5 s");
            Thread.sleep(100);
        }
        assertEquals(1, accesses());
    }
}
