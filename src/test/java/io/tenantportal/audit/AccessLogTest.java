package io.tenantportal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
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

/** The access log's queue: nothing written on the request path, nothing lost at shutdown, overflow counted. */
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
        for (int i = 0; i < 1_234; i++) {
            accessLog.record(alpha, Actor.user("analyst-" + (i % 7)), AccessRecord.resolved(CONTOSO, "defender", 302));
        }
        Thread.sleep(1_500);
        assertEquals(0, accesses(), "written while the flush was held");
        assertEquals(1_234, accessLog.pending());

        accessLog.flushOnShutdown(new ShutdownEvent());

        assertEquals(0, accessLog.pending());
        assertEquals(1_234, accesses());
        assertEquals(1_234, database.count("SELECT count(*) FROM audit_event WHERE kind = 'access' AND status = 302 "
                + "AND portal = 'defender' AND actor_type = 'user' AND actor LIKE 'analyst-%' AND tenant_id = '" + CONTOSO
                + "' AND name IS NULL AND mssp_id = " + alpha.id()));
    }

    @Test
    void aFullQueueDropsAndCountsWithoutBlocking() {
        double droppedBefore = meters.counter("tenantportal.audit.dropped").count();
        int capacity = config.queueCapacity();
        long start = System.nanoTime();
        for (int i = 0; i < capacity + 7; i++) {
            accessLog.record(alpha, Actor.user("analyst"), AccessRecord.unresolved("Contso", "defender", 404));
        }
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(2).toNanos(), "recording blocked");
        assertEquals(7, meters.counter("tenantportal.audit.dropped").count() - droppedBefore);
        assertEquals(capacity, accessLog.pending());

        assertEquals(capacity, accessLog.flush());
        assertEquals(capacity, accesses());
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
