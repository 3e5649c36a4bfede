package io.tenantportal.tenant;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;

/** Every query takes the MSSP id first: no customer is ever read outside its MSSP. */
@ApplicationScoped
public class CustomerRepository implements PanacheRepository<Customer> {

    /** Advisory lock class for "writes to one MSSP's mappings"; the object id is the MSSP id. */
    private static final int MAPPING_WRITE_LOCK = 0x7470_0001;

    public Optional<Customer> findLive(long msspId, UUID tenantId) {
        return find("msspId = ?1 and tenantId = ?2 and deletedAt is null", msspId, tenantId).firstResultOptional();
    }

    /** True when the MSSP once mapped this tenant and that mapping was deleted (a live one may exist too). */
    public boolean wasDeleted(long msspId, UUID tenantId) {
        return count("msspId = ?1 and tenantId = ?2 and deletedAt is not null", msspId, tenantId) > 0;
    }

    /**
     * A page of live customers whose names contain the filter key (or whose tenant id it is). The
     * customer the filter names exactly (its tenant id, or a name with exactly that key) comes first,
     * then the rest by display name: "Northwind Traders" lists Northwind Traders before "Adatum for
     * Northwind Traders", so the first hit is the one the analyst typed.
     */
    public PanacheQuery<Customer> search(long msspId, String filterKey, UUID tenantIdFilter) {
        if (filterKey == null || filterKey.isEmpty()) {
            return find("msspId = :mssp and deletedAt is null order by lower(displayName), tenantId",
                    Parameters.with("mssp", msspId));
        }
        // The outer alias matters: an unqualified "id" inside the subquery is the CustomerName's id.
        return find("""
                select c from Customer c
                where c.msspId = :mssp and c.deletedAt is null and (c.tenantId = :tenantId or exists (
                    select 1 from CustomerName n where n.customerId = c.id and n.deletedAt is null
                      and n.nameKey like :pattern escape '\\'))
                order by case when c.tenantId = :tenantId or exists (
                    select 1 from CustomerName e where e.customerId = c.id and e.deletedAt is null
                      and e.nameKey = :key) then 0 else 1 end,
                  lower(c.displayName), c.tenantId""",
                Parameters.with("mssp", msspId)
                        .and("tenantId", tenantIdFilter == null ? new UUID(0, 0) : tenantIdFilter)
                        .and("pattern", "%" + likeEscaped(filterKey) + "%")
                        .and("key", filterKey));
    }

    /**
     * Serialises writes to one MSSP's mappings across every replica until the transaction ends, so
     * "is this name free?" and "take it" cannot interleave. The unique indexes still back this up.
     */
    public void lockMappingsOf(long msspId) {
        getEntityManager().createNativeQuery("SELECT CAST(pg_advisory_xact_lock(:class, :object) AS text)")
                .setParameter("class", MAPPING_WRITE_LOCK)
                .setParameter("object", (int) msspId)
                .getSingleResult();
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
