package io.tenantportal.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

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
