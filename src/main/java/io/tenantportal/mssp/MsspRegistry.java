package io.tenantportal.mssp;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.tenantportal.tenant.TenantId;

/**
 * Keeps the mssp table in step with configuration at start-up and answers "which MSSP is this
 * tenant id" from memory afterwards. An MSSP is identified by its tenant id; its key may be renamed.
 */
@ApplicationScoped
public class MsspRegistry {

    /** Start-up observers that need MSSPs run after this priority. */
    public static final int STARTUP_PRIORITY = 10;

    private static final Logger LOG = Logger.getLogger(MsspRegistry.class);
    /** Advisory lock class of MSSP registration (see CustomerRepository and SyncLock for the others). */
    private static final int REGISTRATION_LOCK = 0x7470_0003;

    @Inject
    MsspConfig config;

    @Inject
    EntityManager em;

    private final Map<UUID, Mssp> byTenantId = new ConcurrentHashMap<>();

    @Transactional
    void onStart(@Observes @Priority(STARTUP_PRIORITY) StartupEvent event) {
        // Replicas starting together on a new database would insert the same MSSP at once, and the loser
        // fails on mssp_key, which ON CONFLICT (tenant_id) cannot take as well: one registration at a time.
        em.createNativeQuery("SELECT CAST(pg_advisory_xact_lock(:class, 0) AS text)")
                .setParameter("class", REGISTRATION_LOCK)
                .getSingleResult();
        Map<String, MsspConfig.Mssp> sorted = new TreeMap<>(config.mssps());
        sorted.forEach(this::register);
        LOG.infof("serving %d MSSP(s): %s", byTenantId.size(), sorted.keySet());
    }

    private void register(String key, MsspConfig.Mssp mssp) {
        UUID tenantId = TenantId.parse(mssp.tenantId()).orElseThrow(() -> new IllegalStateException(
                "tenantportal.mssps.\"" + key + "\".tenant-id is not a tenant id (GUID)"));
        String displayName = mssp.displayName().filter(n -> !n.isBlank()).orElse(key);
        Number id = (Number) em.createNativeQuery("""
                INSERT INTO mssp (mssp_key, tenant_id, display_name) VALUES (:key, :tenantId, :displayName)
                ON CONFLICT (tenant_id) DO UPDATE
                    SET mssp_key = excluded.mssp_key, display_name = excluded.display_name, updated_at = now()
                RETURNING id""")
                .setParameter("key", key)
                .setParameter("tenantId", tenantId)
                .setParameter("displayName", displayName)
                .getSingleResult();
        if (byTenantId.put(tenantId, new Mssp(id.longValue(), key, tenantId, displayName)) != null) {
            throw new IllegalStateException("two MSSPs are configured with tenant id " + tenantId);
        }
    }

    public Optional<Mssp> byTenantId(UUID tenantId) {
        return Optional.ofNullable(byTenantId.get(tenantId));
    }

    public List<Mssp> all() {
        Collection<Mssp> all = byTenantId.values();
        return all.stream().sorted(Comparator.comparing(Mssp::key)).toList();
    }
}
