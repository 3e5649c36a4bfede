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

    @Transactional
    public long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }
}
