package io.tenantportal.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tenantportal.audit.AccessLog;
import io.tenantportal.health.LinkHealthService;
import io.tenantportal.integration.IntegrationKeys;
import io.tenantportal.tenant.NameIndex;

/** Direct SQL for tests: a clean slate per test, and row counts that the API cannot hide. */
@ApplicationScoped
public class TestDatabase {

    @Inject
    EntityManager em;

    @Inject
    NameIndex index;

    @Inject
    AccessLog accessLog;

    @Inject
    IntegrationKeys integrationKeys;

    @Inject
    LinkHealthService linkHealth;

    /** Empties the tables, the name index and the key store. */
    public void reset() {
        // Accesses of an earlier test are written now, so none of them lands in this test's rows.
        accessLog.flush();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("TRUNCATE gdap_relationship, gdap_read_state, sync_report, audit_event, customer_ref, "
                    + "customer_name, customer, integration_key, integration, initial_domain_lookup RESTART IDENTITY")
                    .executeUpdate();
            em.createNativeQuery("UPDATE integration_change SET version = version + 1").executeUpdate();
        });
        integrationKeys.reload();
        index.reloadAll();
        linkHealth.refresh();
    }

    /**
     * Adds customers "Customer 0001" to "Customer nnnn" of the MSSP straight into the tables, as
     * quickly as a test about thousands of customers needs; their names have the keys NameKey gives.
     */
    public void addNumberedCustomers(String msspTenantId, int count) {
        insertNumberedCustomers(msspTenantId, count);
        index.reloadAll();
    }

    @Transactional
    void insertNumberedCustomers(String msspTenantId, int count) {
        em.createNativeQuery("""
                INSERT INTO customer (mssp_id, tenant_id, display_name, default_domain, domains, source)
                SELECT m.id, CAST(lpad(to_hex(i), 8, '0') || '-0000-4000-8000-000000000000' AS uuid),
                       'Customer ' || lpad(CAST(i AS text), 4, '0'), 'customer' || i || '.example',
                       ARRAY['customer' || i || '.example'], 'import'
                FROM mssp m, generate_series(1, :count) AS i
                WHERE m.tenant_id = CAST(:mssp AS uuid)""")
                .setParameter("count", count).setParameter("mssp", msspTenantId).executeUpdate();
        em.createNativeQuery("""
                INSERT INTO customer_name (mssp_id, customer_id, kind, name, name_key, loose_key)
                SELECT c.mssp_id, c.id, 'display_name', c.display_name, lower(c.display_name), lower(c.display_name)
                FROM customer c WHERE c.source = 'import' AND c.display_name LIKE 'Customer %'""").executeUpdate();
    }

    /** Runs a statement in a transaction of its own, as another replica, an operator or a script would. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int execute(String sql) {
        return em.createNativeQuery(sql).executeUpdate();
    }

    /** A single value of a query, as text. */
    @Transactional
    public String text(String sql) {
        Object value = em.createNativeQuery(sql).getSingleResult();
        return value == null ? null : value.toString();
    }

    @Transactional
    public long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }
}
