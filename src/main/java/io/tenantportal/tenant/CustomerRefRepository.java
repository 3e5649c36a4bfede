package io.tenantportal.tenant;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class CustomerRefRepository implements PanacheRepository<CustomerRef> {

    public List<CustomerRef> liveOf(long customerId) {
        return list("customerId = ?1 and deletedAt is null", customerId);
    }

    /** Live references among {@code refs} that belong to a customer of the MSSP other than {@code customerId}. */
    public List<CustomerRef> takenByOthers(long msspId, Collection<PsaRef> refs, Long customerId) {
        if (refs.isEmpty()) {
            return List.of();
        }
        // system and id separately, so the unique (mssp, system, id) index serves the query; pairs are checked here
        List<String> systems = refs.stream().map(PsaRef::system).distinct().toList();
        List<String> ids = refs.stream().map(PsaRef::id).distinct().toList();
        return list("msspId = ?1 and system in ?2 and refId in ?3 and deletedAt is null and customerId <> ?4 "
                + "order by system, refId", msspId, systems, ids, customerId == null ? -1L : customerId)
                .stream().filter(r -> refs.contains(r.ref())).toList();
    }
}
