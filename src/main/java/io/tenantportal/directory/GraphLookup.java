package io.tenantportal.directory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tenantportal.mssp.Mssp;
import io.tenantportal.tenant.CustomerService;
import io.tenantportal.tenant.CustomerView;
import io.tenantportal.tenant.DirectoryEntry;
import io.tenantportal.tenant.DirectoryLookup;
import io.tenantportal.tenant.DomainName;
import io.tenantportal.tenant.NameKey;
import io.tenantportal.tenant.TenantId;
import io.tenantportal.tenant.TenantResolver;

/**
 * A name unknown locally, asked of Graph: a domain through Graph's tenant information (accepted only
 * when its tenant is a customer of the MSSP), any other name through a refresh of the MSSP's customer
 * list. Concurrent requests for one name share one lookup, and a name Graph did not know is answered
 * from memory for {@code negative-ttl}, so a flood of unknown names costs Graph nothing more.
 */
@ApplicationScoped
public class GraphLookup implements DirectoryLookup {

    private static final Logger LOG = Logger.getLogger(GraphLookup.class);
    static final String ACTOR = "graph-lookup";
    private static final int MAX_REMEMBERED_UNKNOWN = 100_000;

    @Inject
    Directory directory;

    @Inject
    DirectorySync sync;

    @Inject
    TenantResolver resolver;

    @Inject
    CustomerService customers;

    @Inject
    MeterRegistry metrics;

    private final Cache<String, Boolean> unknown;
    private final Map<String, CompletableFuture<Optional<UUID>>> inFlight = new ConcurrentHashMap<>();

    @Inject
    GraphLookup(GraphConfig config) {
        this.unknown = Caffeine.newBuilder().expireAfterWrite(config.negativeTtl())
                .maximumSize(MAX_REMEMBERED_UNKNOWN).build();
    }

    @Override
    public Optional<CustomerView> lookUp(Mssp mssp, String name) {
        if (!directory.serves(mssp)) {
            return Optional.empty();
        }
        String key = mssp.id() + "|" + TenantId.parse(name).map(UUID::toString).orElseGet(() -> NameKey.exact(name));
        if (unknown.getIfPresent(key) != null) {
            return Optional.empty();
        }
        CompletableFuture<Optional<UUID>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<UUID>> running = inFlight.putIfAbsent(key, mine);
        Optional<UUID> tenantId;
        if (running != null) {
            tenantId = Waiting.join(running);
        } else {
            try {
                tenantId = ask(mssp, name);
                if (tenantId.isEmpty()) {
                    unknown.put(key, Boolean.TRUE);
                }
                mine.complete(tenantId);
            } catch (RuntimeException e) {
                mine.completeExceptionally(e);
                throw e;
            } finally {
                inFlight.remove(key, mine);
            }
        }
        return tenantId.flatMap(id -> resolver.findLocally(mssp, id.toString()));
    }

    @Override
    public void refresh(Mssp mssp) {
        if (!directory.serves(mssp)) {
            return;
        }
        try {
            sync.refreshForMiss(mssp);
        } catch (DirectoryForbiddenException e) {
            LOG.warnf("MSSP '%s': %s", mssp.key(), e.detail());
        }
    }

    /** The tenant id Graph knows the name by, now stored; empty when Graph does not know it. */
    private Optional<UUID> ask(Mssp mssp, String name) {
        Optional<String> domain = TenantId.parse(name).isPresent() ? Optional.empty() : DomainName.parse(name);
        String kind = domain.isPresent() ? "domain" : "name";
        Timer.Sample sample = Timer.start(metrics);
        String outcome = "unavailable";
        try {
            Optional<UUID> found = domain.isPresent() ? byDomain(mssp, domain.get()) : byList(mssp, name);
            outcome = found.isPresent() ? "found" : "unknown";
            return found;
        } finally {
            sample.stop(metrics.timer("tenantportal.graph.lookup", "kind", kind, "outcome", outcome));
        }
    }

    private Optional<UUID> byList(Mssp mssp, String name) {
        try {
            sync.refreshForMiss(mssp);
        } catch (DirectoryForbiddenException e) {
            LOG.warnf("MSSP '%s': %s", mssp.key(), e.detail());
            return Optional.empty();
        }
        return resolver.findLocally(mssp, name).map(c -> UUID.fromString(c.tenantId()));
    }

    private Optional<UUID> byDomain(Mssp mssp, String domain) {
        Optional<DirectoryTenant> tenant;
        try {
            tenant = directory.tenantOfDomain(mssp, domain);
        } catch (DirectoryForbiddenException e) {
            // Without the tenant-information permission, the contracts' default domains may still know it.
            LOG.debugf("MSSP '%s': %s", mssp.key(), e.detail());
            return byList(mssp, domain);
        }
        if (tenant.isEmpty()) {
            return Optional.empty();
        }
        UUID tenantId = tenant.get().tenantId();
        if (!isCustomer(mssp, tenantId)) {
            byList(mssp, domain);
            if (!isCustomer(mssp, tenantId)) {
                LOG.debugf("MSSP '%s': a looked-up domain belongs to a tenant that is not its customer", mssp.key());
                return Optional.empty();
            }
        }
        QuarkusTransaction.requiringNew().run(() -> customers.learn(mssp,
                new DirectoryEntry(tenantId, tenant.get().displayName(), null, List.of(domain)), true, ACTOR));
        return Optional.of(tenantId);
    }

    private boolean isCustomer(Mssp mssp, UUID tenantId) {
        return resolver.findLocally(mssp, tenantId.toString()).isPresent();
    }

    void forget() {
        unknown.invalidateAll();
        inFlight.clear();
    }
}
