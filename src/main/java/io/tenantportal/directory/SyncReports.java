package io.tenantportal.directory;

import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;

@ApplicationScoped
class SyncReports implements PanacheRepository<SyncReport> {

    /** A stored report, and whether it is an earlier one that this run repeated. */
    record Stored(SyncReportView view, boolean repeat) {
    }

    /**
     * Stored in its own transaction: a report outlives a failed or dry-run sync. A failure like the MSSP's
     * latest report (failed too, same error, same dry-run flag) is folded into it: {@code repeated} counts
     * it and {@code lastRepeatedAt} says when, so a Graph outage is one report, not one per attempt. The
     * caller holds the MSSP's sync lock, so no other run of the MSSP stores a report meanwhile.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Stored store(SyncReport report) {
        if ("failed".equals(report.outcome)) {
            SyncReport latest = find("msspId = ?1 order by startedAt desc, id desc", report.msspId).firstResult();
            if (latest != null && "failed".equals(latest.outcome) && latest.dryRun == report.dryRun
                    && Objects.equals(latest.error, report.error)) {
                latest.repeated++;
                latest.lastRepeatedAt = report.finishedAt;
                return new Stored(SyncReportView.of(latest), true);
            }
        }
        persist(report);
        return new Stored(SyncReportView.of(report), false);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    List<SyncReportView> latest(long msspId, int limit) {
        return find("msspId = ?1 order by startedAt desc, id desc", msspId).page(Page.ofSize(limit)).list().stream()
                .map(SyncReportView::of).toList();
    }
}
