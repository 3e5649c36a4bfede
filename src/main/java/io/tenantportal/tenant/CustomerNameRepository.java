package io.tenantportal.tenant;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class CustomerNameRepository implements PanacheRepository<CustomerName> {

    public List<CustomerName> liveOf(long customerId) {
        return list("customerId = ?1 and deletedAt is null", customerId);
    }

    /** Live names among {@code keys} that reach a customer of the MSSP other than {@code customerId}. */
    public List<CustomerName> takenByOthers(long msspId, Collection<String> keys, Long customerId) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return list("msspId = ?1 and nameKey in ?2 and deletedAt is null and customerId <> ?3 order by nameKey",
                msspId, keys, customerId == null ? -1L : customerId);
    }
}
