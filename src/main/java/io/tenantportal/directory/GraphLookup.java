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
import com.github.benmanes.caffeine.cache.Expiry;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Uni;
import io.tenantportal.mssp.Mssp;
import io.tenantportal.tenant.CustomerService;
import io.tenantportal.tenant.CustomerSource;
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
 * list. Concurrent requests for one name share one lookup, and what Graph said about a name is
 * remembered per MSSP in a bounded Caffeine cache: a name Graph did not know answers 404 for
 * {@code negative-ttl}, and a tenant id for {@code domain-ttl}. The latter is what keeps the domain of
 * a manual or imported customer cheap: it is not stored as a name of the customer (the directory never
 * changes such mappings), so without memory every request for it would ask Graph again.
 */
@ApplicationScoped
public class GraphLookup implements DirectoryLookup {

    private static final Logger LOG = Logger.getLogger(GraphLookup.class);
    static final String ACTOR = "graph-lookup";
    private static final int MAX_REMEMBERED = 100_000;

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

    /** Per MSSP and name: the tenant id Graph knows it by, or empty when Graph does not know it. */
    private final Cache<String, Optional<UUID>> answers;
    private final Map<String, CompletableFuture<Optional<UUID>>> inFlight = new ConcurrentHashMap<>();

    @Inject
    GraphLookup(GraphConfig config) {
        this.answers = Caffeine.newBuilder()
                .maximumSize(MAX_REMEMBERED)
                .expireAfter(Expiry.creating((String key, Optional<UUID> answer) -> answer.isPresent()
                        ? config.domainTtl() : config.negativeTtl()))
                .build();
    }

    @Override
    public Optional<CustomerView> lookUp(Mssp mssp, String name) {
        if (!directory.serves(mssp)) {
            return Optional.empty();
        }
        String key = mssp.id() + "|" + TenantId.parse(name).map(UUID::toString).orElseGet(() -> NameKey.exact(name));
        Optional<UUID> remembered = answers.getIfPresent(key);
        if (remembered != null) {
            return remembered.flatMap(id -> resolver.findLocally(mssp, id.toString()));
        }
        CompletableFuture<Optional<UUID>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<UUID>> running = inFlight.putIfAbsent(key, mine);
        Optional<UUID> tenantId;
        if (running != null) {
            // Mutiny's await hands the asking request's own exception to every request that waited for it.
            tenantId = Uni.createFrom().completionStage(running).await().indefinitely();
        } else {
            try {
                tenantId = ask(mssp, name);
                answers.put(key, tenantId);
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
    public boolean mayWait(Mssp mssp) {
        return directory.serves(mssp);
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
            // The sync that found both lists refused logged it once; a miss remembered after it says nothing.
            LOG.debugf("MSSP '%s': %s", mssp.key(), e.detail());
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
        Optional<CustomerView> customer = customerWith(mssp, tenantId);
        if (customer.isEmpty()) {
            byList(mssp, domain);
            customer = customerWith(mssp, tenantId);
            if (customer.isEmpty()) {
                LOG.debugf("MSSP '%s': a looked-up domain belongs to a tenant that is not its customer", mssp.key());
                return Optional.empty();
            }
        }
        if (CustomerSource.GRAPH.wire().equals(customer.get().source())) {
            // A Graph customer takes the domain as a name of its own, so next time it is found locally.
            QuarkusTransaction.requiringNew().run(() -> customers.learn(mssp,
                    new DirectoryEntry(tenantId, tenant.get().displayName(), null, List.of(domain)), true, ACTOR));
        }
        // A manual or imported customer is never changed by the directory: no write at all, only the memory.
        return Optional.of(tenantId);
    }

    private Optional<CustomerView> customerWith(Mssp mssp, UUID tenantId) {
        return resolver.findLocally(mssp, tenantId.toString());
    }

    void forget() {
        answers.invalidateAll();
        inFlight.clear();
    }
}
