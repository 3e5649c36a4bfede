package io.tenantportal.directory;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;

@ApplicationScoped
class SyncReports implements PanacheRepository<SyncReport> {

    /** Stored in its own transaction: a report outlives a failed or dry-run sync. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    SyncReportView store(SyncReport report) {
        persist(report);
        return SyncReportView.of(report);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    List<SyncReportView> latest(long msspId, int limit) {
        return find("msspId = ?1 order by startedAt desc, id desc", msspId).page(Page.ofSize(limit)).list().stream()
                .map(SyncReportView::of).toList();
    }
}
