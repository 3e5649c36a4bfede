package io.tenantportal.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;

/** Who changed which mapping, and when. Entries are written in the transaction of the change. */
@ApplicationScoped
public class AuditLog implements PanacheRepository<AuditEvent> {

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(long msspId, String actor, String action, UUID tenantId, String detail) {
        AuditEvent event = new AuditEvent();
        event.msspId = msspId;
        event.occurredAt = Instant.now();
        event.actor = actor;
        event.action = action;
        event.tenantId = tenantId;
        event.detail = detail;
        persist(event);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AuditPage page(long msspId, int page, int size) {
        var query = find("msspId = ?1 order by occurredAt desc, id desc", msspId);
        List<AuditEntry> items = query.page(Page.of(page, size)).list().stream().map(AuditEntry::of).toList();
        return new AuditPage(items, page, size, query.count());
    }

    public record AuditEntry(Instant occurredAt, String actor, String action, String tenantId, String detail) {
        static AuditEntry of(AuditEvent e) {
            return new AuditEntry(e.occurredAt, e.actor, e.action, e.tenantId == null ? null : e.tenantId.toString(),
                    e.detail);
        }
    }

    public record AuditPage(List<AuditEntry> items, int page, int size, long total) {
    }
}
