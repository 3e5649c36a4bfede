package io.tenantportal.tenant;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.tenantportal.audit.AuditLog;
import io.tenantportal.mssp.Mssp;
import io.tenantportal.problem.ProblemException;

/** Writes and lists one MSSP's customer mappings. Every write is one transaction. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class CustomerService {

    @Inject
    CustomerRepository customers;

    @Inject
    CustomerNameRepository names;

    @Inject
    AuditLog audit;

    public record PutResult(CustomerView customer, boolean created) {
    }

    /** Creates or replaces the customer with this tenant id; sending the same body again changes nothing. */
    public PutResult put(Mssp mssp, CustomerDraft draft, String actor) {
        customers.lockMappingsOf(mssp.id());
        Customer customer = customers.findLive(mssp.id(), draft.tenantId()).orElse(null);
        Map<String, CustomerDraft.DesiredName> desired = draft.names();
        refuseNamesOfOthers(mssp, desired, customer == null ? null : customer.id);

        Instant now = Instant.now();
        boolean created = customer == null;
        if (created) {
            customer = new Customer();
            customer.msspId = mssp.id();
            customer.tenantId = draft.tenantId();
            customer.createdAt = now;
            customer.updatedAt = now;
            apply(customer, draft);
            customers.persist(customer);
        }
        boolean changed = (!created && apply(customer, draft)) | syncNames(mssp, customer, desired, now);
        if (changed && !created) {
            customer.updatedAt = now;
        }
        if (created || changed) {
            audit.record(mssp.id(), actor, created ? "customer.created" : "customer.replaced", customer.tenantId,
                    customer.displayName);
        }
        customers.flush();
        return new PutResult(CustomerView.of(customer), created);
    }

    /** Marks the customer and its names deleted; nothing is removed. */
    public void delete(Mssp mssp, UUID tenantId, String actor) {
        customers.lockMappingsOf(mssp.id());
        Customer customer = customers.findLive(mssp.id(), tenantId)
                .orElseThrow(() -> ProblemException.notFound("No customer of this MSSP has that tenant id."));
        Instant now = Instant.now();
        customer.deletedAt = now;
        customer.updatedAt = now;
        names.liveOf(customer.id).forEach(n -> n.deletedAt = now);
        audit.record(mssp.id(), actor, "customer.deleted", tenantId, customer.displayName);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CustomerPage list(Mssp mssp, String filter, int page, int size) {
        String key = null;
        UUID tenantId = null;
        if (filter != null && !filter.isBlank()) {
            key = NameKey.exact(NameKey.requireValid(filter, "q"));
            tenantId = TenantId.parse(filter).orElse(null);
        }
        var query = customers.search(mssp.id(), key, tenantId);
        List<CustomerView> items = query.page(CustomerRepository.page(page, size)).list().stream()
                .map(CustomerView::of).toList();
        return new CustomerPage(items, page, size, query.count());
    }

    private void refuseNamesOfOthers(Mssp mssp, Map<String, CustomerDraft.DesiredName> desired, Long customerId) {
        List<CustomerName> taken = names.takenByOthers(mssp.id(), desired.keySet(), customerId);
        if (taken.isEmpty()) {
            return;
        }
        Map<Long, Customer> owners = new HashMap<>();
        List<NameTakenException.Conflict> conflicts = taken.stream().map(n -> {
            Customer owner = owners.computeIfAbsent(n.customerId, customers::findById);
            return new NameTakenException.Conflict(desired.get(n.nameKey).name(), owner.tenantId.toString(),
                    owner.displayName);
        }).toList();
        throw new NameTakenException(conflicts);
    }

    /** Copies the draft onto the customer; true when anything changed. */
    private static boolean apply(Customer c, CustomerDraft d) {
        String[] domains = d.domains().toArray(String[]::new);
        String[] aliases = d.aliases().toArray(String[]::new);
        boolean changed = !Objects.equals(c.displayName, d.displayName())
                || !Objects.equals(c.defaultDomain, d.defaultDomain())
                || !Objects.equals(c.initialDomain, d.initialDomain())
                || !Arrays.equals(c.domains, domains)
                || !Arrays.equals(c.aliases, aliases)
                || c.source != d.source();
        c.displayName = d.displayName();
        c.defaultDomain = d.defaultDomain();
        c.initialDomain = d.initialDomain();
        c.domains = domains;
        c.aliases = aliases;
        c.source = d.source();
        return changed;
    }

    /** Brings the customer's live names to the desired set, updating in place where a key stays. */
    private boolean syncNames(Mssp mssp, Customer customer, Map<String, CustomerDraft.DesiredName> desired,
            Instant now) {
        boolean changed = false;
        Map<String, CustomerName> live = new HashMap<>();
        for (CustomerName existing : names.liveOf(customer.id)) {
            if (desired.containsKey(existing.nameKey)) {
                live.put(existing.nameKey, existing);
            } else {
                existing.deletedAt = now;
                changed = true;
            }
        }
        for (Map.Entry<String, CustomerDraft.DesiredName> entry : desired.entrySet()) {
            CustomerDraft.DesiredName want = entry.getValue();
            CustomerName have = live.get(entry.getKey());
            if (have == null) {
                CustomerName name = new CustomerName();
                name.msspId = mssp.id();
                name.customerId = customer.id;
                name.kind = want.kind();
                name.name = want.name();
                name.nameKey = entry.getKey();
                name.looseKey = want.looseKey();
                name.createdAt = now;
                names.persist(name);
                changed = true;
            } else if (have.kind != want.kind() || !have.name.equals(want.name())) {
                have.kind = want.kind();
                have.name = want.name();
                changed = true;
            }
        }
        return changed;
    }
}
