package io.tenantportal.health;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.tenantportal.mssp.Mssp;
import io.tenantportal.mssp.MsspRegistry;
import io.tenantportal.tenant.CustomerPage;
import io.tenantportal.tenant.CustomerView;
import io.tenantportal.tenant.NameIndex;

/**
 * Link health per customer and portal, answered from memory: each replica holds every MSSP's GDAP
 * relationships ({@link MsspLinks}), loaded at start-up and replaced after a sync. A sync on this
 * replica reloads at once; syncs on other replicas are noticed by a version check every
 * {@code tenantportal.health.refresh-interval} (one tiny query; no extra LISTEN connection, so the
 * connection budget of application.properties holds, and nothing is lost while the database restarts).
 */
@ApplicationScoped
public class LinkHealthService {

    private static final Logger LOG = Logger.getLogger(LinkHealthService.class);
    static final String REFRESH_JOB = "link-health-refresh";

    @Inject
    RelationshipStore store;

    @Inject
    PortalRoles roles;

    @Inject
    HealthConfig config;

    @Inject
    MsspRegistry registry;

    @Inject
    NameIndex names;

    private final Map<Long, MsspLinks> byMssp = new ConcurrentHashMap<>();
    @Inject
    Scheduler scheduler;

    private volatile Clock clock = Clock.systemUTC();

    void onStart(@Observes @Priority(MsspRegistry.STARTUP_PRIORITY + 4) StartupEvent event) {
        refresh();
        scheduler.newJob(REFRESH_JOB)
                .setInterval(config.refreshInterval().toString())
                .setDelayed(config.refreshInterval().toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> refreshQuietly())
                .schedule();
    }

    /** The health of one customer's link to one portal (a wire name). No I/O. */
    public LinkHealth of(Mssp mssp, UUID tenantId, String portal) {
        return links(mssp).judge(tenantId, portal, roles.of(portal), clock.instant());
    }

    /** The health of one customer's link to every portal, keyed by portal. No I/O. */
    public Map<String, LinkHealth> all(Mssp mssp, UUID tenantId) {
        MsspLinks links = links(mssp);
        Instant now = clock.instant();
        Map<String, LinkHealth> health = new LinkedHashMap<>();
        for (String portal : roles.portals()) {
            health.put(portal, links.judge(tenantId, portal, roles.of(portal), now));
        }
        return health;
    }

    /** A customer with its health, for the customer API. */
    public CustomerHealthView view(Mssp mssp, CustomerView customer) {
        return new CustomerHealthView(customer, all(mssp, UUID.fromString(customer.tenantId())));
    }

    /** A page of customers with their health, for the customer list. */
    public CustomerHealthPage page(Mssp mssp, CustomerPage page) {
        return new CustomerHealthPage(page.items().stream().map(c -> view(mssp, c)).toList(), page.page(),
                page.size(), page.total());
    }

    /** Counts per verdict over the MSSP's live customers, and those whose access ends soon, soonest first. */
    public LinkHealthReport report(Mssp mssp, String portal) {
        MsspLinks links = links(mssp);
        Instant now = clock.instant();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Verdict verdict : Verdict.values()) {
            counts.put(verdict.wire(), 0);
        }
        List<LinkHealthReport.Expiring> expiring = new ArrayList<>();
        for (CustomerView customer : names.liveCustomers(mssp.id())) {
            LinkHealth health = links.judge(UUID.fromString(customer.tenantId()), portal, roles.of(portal), now);
            counts.merge(health.verdict(), 1, Integer::sum);
            if (Verdict.EXPIRING.wire().equals(health.verdict())) {
                expiring.add(new LinkHealthReport.Expiring(customer.tenantId(), customer.displayName(),
                        health.endsAt(), health.relationship()));
            }
        }
        expiring.sort(Comparator.comparing(LinkHealthReport.Expiring::endsAt)
                .thenComparing(LinkHealthReport.Expiring::displayName)
                .thenComparing(LinkHealthReport.Expiring::tenantId));
        return new LinkHealthReport(portal, counts, expiring, links.checkedAt, links.failure, links.failedAt);
    }

    /** Stores a complete read of the MSSP's relationships and answers from it at once. */
    public void replace(Mssp mssp, List<DelegatedRelationship> relationships) {
        store.replace(mssp.id(), relationships, clock.instant().truncatedTo(ChronoUnit.MICROS));
        reload(mssp.id());
    }

    /** Records that reading failed: 403 makes the MSSP's health unknown; an outage keeps the last good data. */
    public void readFailed(Mssp mssp, boolean forbidden) {
        store.failed(mssp.id(), forbidden ? RelationshipStore.Failure.FORBIDDEN : RelationshipStore.Failure.UNAVAILABLE,
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        reload(mssp.id());
    }

    MsspLinks links(Mssp mssp) {
        return byMssp.getOrDefault(mssp.id(), MsspLinks.NEVER_READ);
    }

    Instant now() {
        return clock.instant();
    }

    /** For tests: the time verdicts are judged at. */
    void useClock(Clock clock) {
        this.clock = clock;
    }

    private void reload(long msspId) {
        try {
            byMssp.put(msspId, new MsspLinks(store.load(msspId)));
        } catch (SQLException e) {
            LOG.warnf("link health: reloading MSSP %d failed (%s); the version check tries again", msspId,
                    e.getSQLState());
        }
    }

    /** Reloads the MSSPs whose stored version differs from the one held (what every replica does every few seconds). */
    public void refresh() {
        Map<Long, Long> versions;
        try {
            versions = store.versions();
        } catch (SQLException e) {
            LOG.debugf("link health: version check failed (%s)", e.getSQLState());
            return;
        }
        for (Mssp mssp : registry.all()) {
            long stored = versions.getOrDefault(mssp.id(), 0L);
            if (stored != links(mssp).version) {
                reload(mssp.id());
            }
        }
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.debugf("link health: refresh failed: %s", e.getClass().getSimpleName());
        }
    }
}
