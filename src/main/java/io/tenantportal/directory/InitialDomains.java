package io.tenantportal.directory;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tenantportal.mssp.Mssp;
import io.tenantportal.tenant.CustomerService;

/**
 * Fills the initial ({@code *.onmicrosoft.com}) domain of Graph customers that have none: the MSSP's
 * customer lists do not name it, so each customer's own tenant is asked ({@code GET /v1.0/domains}, the
 * entry with {@code isInitial}) with the MSSP's app's token there. A tenant that refuses (app not
 * consented, no Domain.Read.All) or names none is remembered and asked again only after
 * {@code tenantportal.sync.initial-domain-retry}; when Graph cannot be asked, the rest wait for the next sync.
 */
@ApplicationScoped
public class InitialDomains {

    private static final Logger LOG = Logger.getLogger(InitialDomains.class);

    @Inject
    Directory directory;

    @Inject
    CustomerService customers;

    @Inject
    SyncConfig config;

    @Inject
    EntityManager entityManager;

    @Inject
    MeterRegistry metrics;

    /** What one pass did, for the log and the tests. */
    public record Pass(int asked, int found, int refused, boolean interrupted) {
    }

    /** Asks up to {@code initial-domain-lookups} customer tenants; never throws for Graph's sake. */
    public Pass fill(Mssp mssp) {
        int limit = config.initialDomainLookups();
        if (limit <= 0) {
            return new Pass(0, 0, 0, false);
        }
        List<UUID> wanting = QuarkusTransaction.requiringNew().call(() -> wanting(mssp, limit));
        int asked = 0;
        int found = 0;
        int refused = 0;
        for (UUID tenantId : wanting) {
            asked++;
            Optional<String> domain;
            try {
                domain = directory.initialDomainOf(mssp, tenantId);
            } catch (DirectoryForbiddenException e) {
                refused++;
                remember(mssp, tenantId, "not consented in the customer's tenant, or no Domain.Read.All there");
                count("refused");
                continue;
            } catch (DirectoryUnavailableException e) {
                count("unavailable");
                LOG.infof("MSSP '%s': initial domains: Graph cannot be asked (%s); %d of %d customers left for the "
                        + "next sync", mssp.key(), e.reason(), wanting.size() - asked + 1, wanting.size());
                return logged(mssp, new Pass(asked, found, refused, true));
            }
            if (domain.isEmpty()) {
                remember(mssp, tenantId, "the tenant names no initial domain");
                count("none");
                continue;
            }
            boolean learnt = QuarkusTransaction.requiringNew().call(() -> {
                entityManager.createNativeQuery("DELETE FROM initial_domain_lookup WHERE mssp_id = ?1 AND tenant_id = ?2")
                        .setParameter(1, mssp.id()).setParameter(2, tenantId).executeUpdate();
                return customers.learnInitialDomain(mssp, tenantId, domain.get(), DirectorySync.ACTOR);
            });
            if (learnt) {
                found++;
                count("found");
            } else {
                remember(mssp, tenantId, "its initial domain already names another customer of the MSSP");
                count("taken");
            }
        }
        return logged(mssp, new Pass(asked, found, refused, false));
    }

    private Pass logged(Mssp mssp, Pass pass) {
        if (pass.asked() > 0) {
            LOG.infof("MSSP '%s': initial domains: %d customer tenant(s) asked, %d found, %d refused%s", mssp.key(),
                    pass.asked(), pass.found(), pass.refused(), pass.interrupted() ? ", interrupted" : "");
        }
        return pass;
    }

    /** Live Graph customers without an initial domain, not refused within the retry interval; oldest failure last. */
    @SuppressWarnings("unchecked")
    private List<UUID> wanting(Mssp mssp, int limit) {
        Instant retryBefore = Instant.now().minus(config.initialDomainRetry());
        return entityManager.createNativeQuery("""
                SELECT c.tenant_id FROM customer c
                LEFT JOIN initial_domain_lookup l ON l.mssp_id = c.mssp_id AND l.tenant_id = c.tenant_id
                WHERE c.mssp_id = ?1 AND c.deleted_at IS NULL AND c.source = 'graph' AND c.initial_domain IS NULL
                  AND (l.failed_at IS NULL OR l.failed_at < ?2)
                ORDER BY l.failed_at NULLS FIRST, c.id
                LIMIT ?3""", UUID.class)
                .setParameter(1, mssp.id()).setParameter(2, Timestamp.from(retryBefore)).setParameter(3, limit)
                .getResultList();
    }

    private void remember(Mssp mssp, UUID tenantId, String reason) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                INSERT INTO initial_domain_lookup (mssp_id, tenant_id, failed_at, reason) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (mssp_id, tenant_id) DO UPDATE SET failed_at = excluded.failed_at, reason = excluded.reason""")
                .setParameter(1, mssp.id()).setParameter(2, tenantId).setParameter(3, Timestamp.from(Instant.now()))
                .setParameter(4, reason).executeUpdate());
    }

    private void count(String result) {
        metrics.counter("tenantportal.sync.initial-domains", "result", result).increment();
    }
}
