package io.tenantportal.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Direct SQL for tests: a clean slate per test, and row counts that the API cannot hide. */
@ApplicationScoped
public class TestDatabase {

    @Inject
    EntityManager em;

    @Transactional
    public void reset() {
        em.createNativeQuery("TRUNCATE sync_report, audit_event, customer_name, customer RESTART IDENTITY").executeUpdate();
    }

    /**
     * Adds customers "Customer 0001" to "Customer nnnn" of the MSSP straight into the tables, as
     * quickly as a test about thousands of customers needs; their names have the keys NameKey gives.
     */
    @Transactional
    public void addNumberedCustomers(String msspTenantId, int count) {
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

    @Transactional
    public long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }
}
