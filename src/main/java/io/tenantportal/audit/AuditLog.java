package io.tenantportal.audit;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.tenantportal.mssp.Actor;

/**
 * The audit log: changes are written here in the transaction of the change; accesses arrive in
 * batches from {@link AccessLog}. Reads are always scoped to one MSSP.
 */
@ApplicationScoped
public class AuditLog implements PanacheRepository<AuditEvent> {

    /** Entries per statement of {@link #recordAll}. */
    private static final int BATCH = 10_000;
    private static final String INSERT_CHANGES = """
            INSERT INTO audit_event (mssp_id, occurred_at, kind, actor_type, actor_id, actor, action, tenant_id, detail)
            SELECT ?, ?, 'change', ?, CAST(CAST(? AS text) AS uuid), ?, e.action, e.tenant_id, e.detail
            FROM unnest(?, ?, ?) AS e (action, tenant_id, detail)""";

    /** Records a change (kind {@code change}) in the caller's transaction: it commits or rolls back with it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(long msspId, Actor actor, String action, UUID tenantId, String detail) {
        AuditEvent event = new AuditEvent();
        event.msspId = msspId;
        event.occurredAt = Instant.now();
        event.kind = AuditEvent.CHANGE;
        event.actorType = actor.type();
        event.actorId = actor.id();
        event.actor = actor.name();
        event.action = action;
        event.tenantId = tenantId;
        event.detail = detail;
        persist(event);
    }

    /** One change of a bulk write, for {@link #recordAll}. */
    public record Change(String action, UUID tenantId, String detail) {
    }

    /**
     * Records many changes of one actor at once (kind {@code change}) in the caller's transaction: one
     * statement over arrays instead of one insert per entry, for bulk writes such as an import.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(long msspId, Actor actor, List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_CHANGES)) {
                for (int from = 0; from < changes.size(); from += BATCH) {
                    List<Change> batch = changes.subList(from, Math.min(changes.size(), from + BATCH));
                    insert.setLong(1, msspId);
                    insert.setTimestamp(2, now);
                    insert.setString(3, actor.type());
                    insert.setString(4, actor.id() == null ? null : actor.id().toString());
                    insert.setString(5, actor.name());
                    insert.setArray(6, connection.createArrayOf("text",
                            batch.stream().map(Change::action).toArray(String[]::new)));
                    insert.setArray(7, connection.createArrayOf("uuid",
                            batch.stream().map(Change::tenantId).toArray(UUID[]::new)));
                    insert.setArray(8, connection.createArrayOf("text",
                            batch.stream().map(Change::detail).toArray(String[]::new)));
                    insert.executeUpdate();
                }
            }
        });
    }

    /** One page of the MSSP's entries that pass the filter, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AuditPage page(long msspId, AuditFilter filter, int page, int size) {
        StringBuilder where = new StringBuilder("msspId = :mssp");
        Parameters parameters = Parameters.with("mssp", msspId);
        if (filter.kind() != null) {
            where.append(" and kind = :kind");
            parameters.and("kind", filter.kind());
        }
        if (filter.actorId() != null) {
            where.append(" and actorId = :actorId");
            parameters.and("actorId", filter.actorId());
        } else if (filter.actorName() != null) {
            where.append(" and lower(actor) = lower(:actor)");
            parameters.and("actor", filter.actorName());
        }
        if (filter.tenantId() != null) {
            where.append(" and tenantId = :tenantId");
            parameters.and("tenantId", filter.tenantId());
        }
        if (filter.from() != null) {
            where.append(" and occurredAt >= :from");
            parameters.and("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" and occurredAt < :to");
            parameters.and("to", filter.to());
        }
        var query = find(where + " order by occurredAt desc, id desc", parameters);
        List<AuditEntry> items = query.page(Page.of(page, size)).list().stream().map(AuditEntry::of).toList();
        return new AuditPage(items, page, size, query.count());
    }

    public record AuditPage(List<AuditEntry> items, int page, int size, long total) {
    }
}
