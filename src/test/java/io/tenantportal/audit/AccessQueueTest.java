package io.tenantportal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.tenantportal.mssp.Actor;

class AccessQueueTest {

    private static final Actor ANALYST = Actor.user("ana@northwind.example");
    private static final Actor PSA = Actor.integration(UUID.fromString("5b0e7c9a-3f1d-4e8b-9a6c-2d4f8e1b7a30"),
            "ConnectWise prod");

    @Test
    void anEntryComesOutAsItWentIn() {
        AccessQueue queue = new AccessQueue(4);
        UUID tenant = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-30T06:00:00.123456789Z");
        assertTrue(queue.offer(7, at, PSA, AccessRecord.resolved(tenant, "defender", 302)));
        assertTrue(queue.offer(8, at.plusSeconds(1), ANALYST, AccessRecord.unresolved("Contso", "entra", 404)));

        List<AccessQueue.Entry> batch = new ArrayList<>();
        assertEquals(2, queue.drainTo(batch, 10));
        assertEquals(new AccessQueue.Entry(7, at, "integration", PSA.id(), "ConnectWise prod", tenant, null,
                "defender", 302, 0), batch.get(0));
        assertEquals(new AccessQueue.Entry(8, at.plusSeconds(1), "user", null, "ana@northwind.example", null,
                "Contso", "entra", 404, 0), batch.get(1));
        assertEquals(0, queue.size());
    }

    @Test
    void aFullQueueRefusesAndKeepsWhatItHas() {
        AccessQueue queue = new AccessQueue(3);
        for (int i = 0; i < 3; i++) {
            assertTrue(queue.offer(i, Instant.now(), ANALYST, AccessRecord.unresolved("n" + i, null, 404)));
        }
        assertFalse(queue.offer(3, Instant.now(), ANALYST, AccessRecord.unresolved("n3", null, 404)));
        List<AccessQueue.Entry> batch = new ArrayList<>();
        queue.drainTo(batch, 10);
        assertEquals(List.of("n0", "n1", "n2"), batch.stream().map(AccessQueue.Entry::name).toList());
    }

    @Test
    void entriesLeaveOldestFirstAcrossTheEndOfTheRing() {
        AccessQueue queue = new AccessQueue(5);
        List<String> out = new ArrayList<>();
        int next = 0;
        // Many rounds of uneven offers and takes, so the ring's start passes its end several times.
        for (int round = 0; round < 20; round++) {
            for (int i = 0; i < 1 + round % 5 && queue.size() < 5; i++) {
                queue.offer(1, Instant.now(), ANALYST, AccessRecord.unresolved("n" + next++, null, 404));
            }
            List<AccessQueue.Entry> batch = new ArrayList<>();
            queue.drainTo(batch, 1 + round % 3);
            batch.forEach(entry -> out.add(entry.name()));
        }
        List<AccessQueue.Entry> rest = new ArrayList<>();
        queue.drainTo(rest, 5);
        rest.forEach(entry -> out.add(entry.name()));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < next; i++) {
            expected.add("n" + i);
        }
        assertEquals(expected, out);
    }

    @Test
    void aRetriedEntryIsOneAttemptOlderAndOtherwiseTheSame() {
        AccessQueue queue = new AccessQueue(2);
        queue.offer(1, Instant.now(), PSA, AccessRecord.resolved(UUID.randomUUID(), "defender", 302));
        List<AccessQueue.Entry> first = new ArrayList<>();
        queue.drainTo(first, 1);
        assertTrue(queue.retry(first.get(0)));
        List<AccessQueue.Entry> second = new ArrayList<>();
        queue.drainTo(second, 1);
        AccessQueue.Entry before = first.get(0);
        AccessQueue.Entry after = second.get(0);
        assertEquals(1, after.attempts());
        assertEquals(new AccessQueue.Entry(before.msspId(), before.at(), before.actorType(), before.actorId(),
                before.actorName(), before.tenantId(), before.name(), before.portal(), before.status(), 1), after);
    }

    @Test
    void concurrentWritersLoseNothingThatWasAccepted() throws InterruptedException {
        AccessQueue queue = new AccessQueue(100_000);
        int writers = 4;
        int each = 10_000;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        for (int w = 0; w < writers; w++) {
            long mssp = w;
            pool.submit(() -> {
                start.await();
                for (int i = 0; i < each; i++) {
                    queue.offer(mssp, Instant.now(), ANALYST, AccessRecord.resolved(new UUID(mssp, i), null, 302));
                }
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));

        List<AccessQueue.Entry> batch = new ArrayList<>();
        assertEquals(writers * each, queue.drainTo(batch, Integer.MAX_VALUE));
        // Each writer's entries come out in its own order, none missing, none twice.
        long[] expectedNext = new long[writers];
        for (AccessQueue.Entry entry : batch) {
            int writer = (int) entry.msspId();
            assertEquals(expectedNext[writer]++, entry.tenantId().getLeastSignificantBits());
            assertNull(entry.name());
        }
        for (long count : expectedNext) {
            assertEquals(each, count);
        }
    }
}
