package io.tenantportal.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.tenantportal.mssp.Actor;

/**
 * The accesses waiting for the next batch write, held as the columns of a ring allocated once.
 *
 * <p>
 * Hand-written because no queue in the JDK or our libraries stores entries without an object per
 * entry, and those objects are what hurt: an entry waits up to a second for its flush, so at
 * 20,000 resolves a second every young collection found megabytes of them alive, copied them and
 * promoted them, and the old generation filled every few seconds. On the bench's small heap that was
 * a full collection (70 ms) every 2 to 3 s: p99 went from 8 ms to 50 ms and throughput fell by a
 * fifth. Here an entry is a few numbers and references to objects that outlive it anyway (actor
 * names, portal names, the name asked for only when nothing matched), so recording allocates
 * nothing that survives the request.
 *
 * <p>
 * Entries leave in the order they came. Thread-safe; every method holds the ring's lock for a few
 * array stores only.
 */
final class AccessQueue {

    /** One entry taken out of the ring, for a batch write; lives only as long as the flush. */
    record Entry(long msspId, Instant at, String actorType, UUID actorId, String actorName, UUID tenantId,
            String name, String portal, int status, int attempts) {
    }

    private final int capacity;
    private final long[] mssps;
    private final long[] epochSeconds;
    private final int[] nanos;
    private final String[] actorTypes;
    private final UUID[] actorIds;
    private final String[] actorNames;
    private final boolean[] resolved;
    private final long[] tenantHigh;
    private final long[] tenantLow;
    private final String[] names;
    private final String[] portals;
    private final int[] statuses;
    private final int[] attempts;
    private int head;
    private int size;

    AccessQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("tenantportal.audit.queue-capacity must be at least 1");
        }
        this.capacity = capacity;
        mssps = new long[capacity];
        epochSeconds = new long[capacity];
        nanos = new int[capacity];
        actorTypes = new String[capacity];
        actorIds = new UUID[capacity];
        actorNames = new String[capacity];
        resolved = new boolean[capacity];
        tenantHigh = new long[capacity];
        tenantLow = new long[capacity];
        names = new String[capacity];
        portals = new String[capacity];
        statuses = new int[capacity];
        attempts = new int[capacity];
    }

    /** Adds a new entry; false, and nothing kept, when the ring is full. */
    boolean offer(long msspId, Instant at, Actor actor, AccessRecord record) {
        UUID tenantId = record.tenantId();
        return offer(msspId, at.getEpochSecond(), at.getNano(), actor.type(), actor.id(), actor.name(), tenantId,
                record.name(), record.portal(), record.status(), 0);
    }

    /** Puts an entry whose write failed back, one attempt older; false when the ring is full. */
    boolean retry(Entry entry) {
        return offer(entry.msspId(), entry.at().getEpochSecond(), entry.at().getNano(), entry.actorType(),
                entry.actorId(), entry.actorName(), entry.tenantId(), entry.name(), entry.portal(), entry.status(),
                entry.attempts() + 1);
    }

    private synchronized boolean offer(long msspId, long seconds, int nano, String actorType, UUID actorId,
            String actorName, UUID tenantId, String name, String portal, int status, int attempt) {
        if (size == capacity) {
            return false;
        }
        int at = (head + size) % capacity;
        mssps[at] = msspId;
        epochSeconds[at] = seconds;
        nanos[at] = nano;
        actorTypes[at] = actorType;
        actorIds[at] = actorId;
        actorNames[at] = actorName;
        resolved[at] = tenantId != null;
        tenantHigh[at] = tenantId == null ? 0 : tenantId.getMostSignificantBits();
        tenantLow[at] = tenantId == null ? 0 : tenantId.getLeastSignificantBits();
        names[at] = name;
        portals[at] = portal;
        statuses[at] = status;
        attempts[at] = attempt;
        size++;
        return true;
    }

    /** Moves up to {@code max} of the oldest entries into {@code batch}; returns how many. */
    synchronized int drainTo(List<Entry> batch, int max) {
        int taken = Math.min(max, size);
        for (int i = 0; i < taken; i++) {
            int at = head;
            batch.add(new Entry(mssps[at], Instant.ofEpochSecond(epochSeconds[at], nanos[at]), actorTypes[at],
                    actorIds[at], actorNames[at], resolved[at] ? new UUID(tenantHigh[at], tenantLow[at]) : null,
                    names[at], portals[at], statuses[at], attempts[at]));
            // Let go of the references at once: a name asked for need not live until the slot is reused.
            actorTypes[at] = null;
            actorIds[at] = null;
            actorNames[at] = null;
            names[at] = null;
            portals[at] = null;
            head = (head + 1) % capacity;
            size--;
        }
        return taken;
    }

    synchronized int size() {
        return size;
    }

    int capacity() {
        return capacity;
    }
}
