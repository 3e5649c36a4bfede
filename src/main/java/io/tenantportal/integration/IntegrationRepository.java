package io.tenantportal.integration;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Every query takes the MSSP id: no integration is ever read outside its MSSP. */
@ApplicationScoped
class IntegrationRepository implements PanacheRepositoryBase<Integration, UUID> {

    List<Integration> listOf(long msspId) {
        return list("msspId = ?1 order by createdAt desc, id", msspId);
    }

    Optional<Integration> findOwned(long msspId, UUID id) {
        return find("msspId = ?1 and id = ?2", msspId, id).firstResultOptional();
    }

    /** The integration, locked until the transaction ends, so rotations and revocations of it never interleave. */
    Optional<Integration> lockOwned(long msspId, UUID id) {
        return find("msspId = ?1 and id = ?2", msspId, id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    boolean liveNameTaken(long msspId, String name) {
        return count("msspId = ?1 and lower(name) = lower(?2) and revokedAt is null", msspId, name) > 0;
    }

    void addKey(UUID integrationId, String key, Instant now) {
        StoredKey stored = new StoredKey();
        stored.integrationId = integrationId;
        stored.keyHash = ApiKey.hash(key);
        stored.createdAt = now;
        getEntityManager().persist(stored);
    }

    /** Every key of the integration that would still work after {@code until} retires then. */
    void retireKeys(UUID integrationId, Instant until) {
        getEntityManager().createQuery("""
                update StoredKey k set k.retiresAt = :until
                where k.integrationId = :id and (k.retiresAt is null or k.retiresAt > :until)""")
                .setParameter("until", until).setParameter("id", integrationId).executeUpdate();
    }

    /** Tells every replica's {@link IntegrationKeys} to reload; visible to them when this transaction commits. */
    void markChanged() {
        getEntityManager().createNativeQuery("UPDATE integration_change SET version = version + 1 WHERE id = 1")
                .executeUpdate();
    }
}
