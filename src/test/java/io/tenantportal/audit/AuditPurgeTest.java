package io.tenantportal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tenantportal.support.ApiTest;
import io.tenantportal.support.TestTokens;

@QuarkusTest
class AuditPurgeTest extends ApiTest {

    @Inject
    AuditPurge purge;

    @Inject
    AuditConfig config;

    private void insertEntries(int count, String kind, int daysAgo) {
        database.execute("""
                INSERT INTO audit_event (mssp_id, occurred_at, kind, actor_type, actor, action, status, portal, name)
                SELECT m.id, now() - make_interval(days => %d), '%s', 'user', 'analyst',
                       CASE WHEN '%2$s' = 'change' THEN 'customer.created' END,
                       CASE WHEN '%2$s' = 'access' THEN 404 END, 'defender', 'Contso'
                FROM mssp m, generate_series(1, %d) WHERE m.tenant_id = '%s'""".formatted(daysAgo, kind, count, TestTokens.ALPHA));
    }

    @Test
    void retentionDefaultsTo400Days() {
        assertEquals(Duration.ofDays(400), config.retention());
    }

    @Test
    void purgeRemovesOnlyEntriesOlderThanTheRetentionInBatches() throws Exception {
        insertEntries(230, "access", 401);
        insertEntries(20, "change", 500);
        insertEntries(3, "access", 399);
        insertEntries(2, "change", 0);

        assertEquals(250, purge.purge(100));

        assertEquals(5, database.count("SELECT count(*) FROM audit_event"));
        assertEquals(0, database.count("SELECT count(*) FROM audit_event WHERE occurred_at < now() - interval '400 days'"));
        assertEquals(0, purge.purge(100));
    }
}
