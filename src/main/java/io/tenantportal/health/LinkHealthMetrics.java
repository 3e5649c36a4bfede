package io.tenantportal.health;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.tenantportal.mssp.Mssp;
import io.tenantportal.mssp.MsspRegistry;

/**
 * {@code tenantportal_link_health_customers{mssp,portal,verdict}}: the MSSP's live customers per verdict.
 * A scrape reads every gauge; the counts of one MSSP and portal are computed once per few seconds.
 */
@ApplicationScoped
class LinkHealthMetrics {

    static final String GAUGE = "tenantportal.link.health.customers";
    private static final Duration REUSE = Duration.ofSeconds(5);

    @Inject
    MeterRegistry metrics;

    @Inject
    MsspRegistry registry;

    @Inject
    PortalRoles roles;

    @Inject
    LinkHealthService health;

    private record Counted(long atNanos, MsspLinks links, Map<String, Integer> counts) {
    }

    private final Map<String, Counted> cache = new ConcurrentHashMap<>();

    void onStart(@Observes @Priority(MsspRegistry.STARTUP_PRIORITY + 5) StartupEvent event) {
        for (Mssp mssp : registry.all()) {
            for (String portal : roles.portals()) {
                for (Verdict verdict : Verdict.values()) {
                    Gauge.builder(GAUGE, () -> count(mssp, portal, verdict.wire()))
                            .description("Customers whose link to the portal has this health verdict")
                            .tag("mssp", mssp.key()).tag("portal", portal).tag("verdict", verdict.wire())
                            .register(metrics);
                }
            }
        }
    }

    private int count(Mssp mssp, String portal, String verdict) {
        String key = mssp.id() + "/" + portal;
        long now = System.nanoTime();
        MsspLinks links = health.links(mssp);
        Counted counted = cache.get(key);
        if (counted == null || counted.links != links || now - counted.atNanos > REUSE.toNanos()) {
            counted = new Counted(now, links, health.report(mssp, portal).counts());
            cache.put(key, counted);
        }
        return counted.counts.getOrDefault(verdict, 0);
    }
}
