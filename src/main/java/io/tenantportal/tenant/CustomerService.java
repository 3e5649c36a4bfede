package io.tenantportal.tenant;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Page;
import io.tenantportal.audit.AuditLog;
import io.tenantportal.mssp.Actor;
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

    @Inject
    IndexUpdates index;

    @Inject
    CustomerRefRepository refs;

    public record PutResult(CustomerView customer, boolean created) {
    }

    /** Creates or replaces the customer with this tenant id; sending the same body again changes nothing. */
    public PutResult put(Mssp mssp, CustomerDraft draft, Actor actor) {
        customers.lockMappingsOf(mssp.id());
        Customer customer = customers.findLive(mssp.id(), draft.tenantId()).orElse(null);
        if (draft.source() == CustomerSource.GRAPH && (customer == null || customer.source != CustomerSource.GRAPH)) {
            throw CustomerDraft.graphBySyncOnly();
        }
        Map<String, CustomerDraft.DesiredName> desired = draft.names();
        refuseNamesOfOthers(mssp, desired, draft.refs(), customer == null ? null : customer.id);
        Written written = write(mssp, customer, draft, desired, actor, "customer.replaced");
        return new PutResult(CustomerView.of(written.customer()), written.created());
    }

    /**
     * Replaces only the customer's PSA references, leaving its names and source as they are, so a
     * customer the directory sync manages stays managed by it.
     *
     * @throws ProblemException 404 when the MSSP has no live customer with the tenant id
     * @throws NameTakenException when a reference belongs to another customer
     */
    public CustomerView replaceRefs(Mssp mssp, UUID tenantId, List<PsaRef> wanted, Actor actor) {
        customers.lockMappingsOf(mssp.id());
        Customer customer = customers.findLive(mssp.id(), tenantId)
                .orElseThrow(() -> ProblemException.notFound("No customer of this MSSP has that tenant id."));
        refuseNamesOfOthers(mssp, Map.of(), wanted, customer.id);
        Instant now = now();
        if (syncRefs(mssp, customer, wanted, now)) {
            customer.refs = wanted.stream().map(PsaRef::stored).toArray(String[]::new);
            customer.updatedAt = now;
            audit.record(mssp.id(), actor, "customer.refs-replaced", customer.tenantId, customer.displayName);
        }
        index.stage(customer);
        return CustomerView.of(customer);
    }

    /** What a directory sync or lookup did to one customer. */
    public enum Learned {
        UNCHANGED, UPDATED, ADDED
    }

    /** {@code skippedNames}: names left out because they already reach another customer of the MSSP. */
    public record LearnResult(Learned outcome, int skippedNames) {
    }

    /**
     * Takes what the directory says about a customer, in the caller's transaction. Only customers whose
     * source is {@code graph} are changed: manual and imported mappings stay as an admin wrote them. A
     * renamed customer keeps its old display name as an alias and domains only accumulate, so links in
     * old tickets keep working. A name that already reaches another customer is skipped, never taken,
     * and so is a customer an admin deleted.
     *
     * @param keepDisplayName true when an earlier source of the same sync already named the customer
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public LearnResult learn(Mssp mssp, DirectoryEntry entry, boolean keepDisplayName, String actor) {
        customers.lockMappingsOf(mssp.id());
        Customer existing = customers.findLive(mssp.id(), entry.tenantId()).orElse(null);
        if (existing != null && existing.source != CustomerSource.GRAPH) {
            return new LearnResult(Learned.UNCHANGED, 0);
        }
        if (existing == null && customers.wasDeleted(mssp.id(), entry.tenantId())) {
            // An admin deleted this mapping: Graph listing it again does not overrule them (a PUT does).
            return new LearnResult(Learned.UNCHANGED, 1);
        }
        String displayName = existing != null && keepDisplayName ? existing.displayName : entry.displayName();
        Set<String> domains = new LinkedHashSet<>();
        Map<String, String> aliasesByKey = new LinkedHashMap<>();
        String defaultDomain = entry.defaultDomain();
        String initialDomain = null;
        if (existing != null) {
            domains.addAll(List.of(existing.domains));
            List.of(existing.aliases).forEach(a -> aliasesByKey.put(NameKey.exact(a), a));
            aliasesByKey.putIfAbsent(NameKey.exact(existing.displayName), existing.displayName);
            defaultDomain = defaultDomain == null ? existing.defaultDomain : defaultDomain;
            initialDomain = existing.initialDomain;
        }
        aliasesByKey.remove(NameKey.exact(displayName));
        if (defaultDomain != null) {
            domains.add(defaultDomain);
        }
        domains.addAll(entry.domains());
        if (initialDomain == null) {
            initialDomain = domains.stream().filter(d -> DomainName.parseInitial(d).isPresent()).findFirst().orElse(null);
        }

        Long customerId = existing == null ? null : existing.id;
        Set<String> taken = new HashSet<>();
        // A PSA reference is an admin's (or an import's) word: the directory never adds or drops one.
        List<PsaRef> keptRefs = existing == null ? List.of() : CustomerView.refs(existing.refs);
        String sharepointName = existing == null ? null : existing.sharepointName;
        CustomerDraft wanted = new CustomerDraft(entry.tenantId(), displayName, defaultDomain, initialDomain,
                List.copyOf(domains), List.copyOf(aliasesByKey.values()), keptRefs, CustomerSource.GRAPH, sharepointName);
        names.takenByOthers(mssp.id(), wanted.names().keySet(), customerId).forEach(n -> taken.add(n.nameKey));
        CustomerDraft draft = new CustomerDraft(entry.tenantId(), displayName,
                taken.contains(defaultDomain) ? null : defaultDomain,
                taken.contains(initialDomain) ? null : initialDomain,
                domains.stream().filter(d -> !taken.contains(d)).toList(),
                aliasesByKey.entrySet().stream().filter(a -> !taken.contains(a.getKey())).map(Map.Entry::getValue).toList(),
                keptRefs, CustomerSource.GRAPH, sharepointName);
        Map<String, CustomerDraft.DesiredName> desired = new LinkedHashMap<>(draft.names());
        desired.keySet().removeAll(taken);

        boolean wasGone = existing != null && existing.goneFromDirectoryAt != null;
        Written written = write(mssp, existing, draft, desired, Actor.system(actor), "customer.updated");
        Customer customer = written.customer();
        customer.verifiedAt = now();
        customer.goneFromDirectoryAt = null;
        index.stage(customer);
        Learned outcome = written.created() ? Learned.ADDED
                : written.changed() || wasGone ? Learned.UPDATED : Learned.UNCHANGED;
        return new LearnResult(outcome, taken.size());
    }

    /** Tenant ids of the MSSP's live Graph customers that no sync has marked gone yet. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UUID> listedGraphCustomers(Mssp mssp) {
        return customers.find("select c.tenantId from Customer c where c.msspId = ?1 and c.source = ?2 "
                + "and c.deletedAt is null and c.goneFromDirectoryAt is null", mssp.id(), CustomerSource.GRAPH)
                .project(UUID.class).list();
    }

    /** Marks Graph customers the directory no longer lists; they keep resolving, nothing is deleted. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int markGone(Mssp mssp, List<UUID> tenantIds, String actor) {
        customers.lockMappingsOf(mssp.id());
        Instant now = now();
        int marked = 0;
        for (UUID tenantId : tenantIds) {
            Customer customer = customers.findLive(mssp.id(), tenantId).orElse(null);
            if (customer != null && customer.source == CustomerSource.GRAPH && customer.goneFromDirectoryAt == null) {
                customer.goneFromDirectoryAt = now;
                customer.updatedAt = now;
                audit.record(mssp.id(), Actor.system(actor), "customer.gone-from-directory", tenantId,
                        customer.displayName);
                index.stage(customer);
                marked++;
            }
        }
        return marked;
    }

    /** Timestamps as PostgreSQL keeps them (microseconds), so a customer reads the same before and after a reload. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private record Written(Customer customer, boolean created, boolean changed) {
    }

    /** Creates the customer or brings it and its names to the draft; audits what changed. */
    private Written write(Mssp mssp, Customer existing, CustomerDraft draft,
            Map<String, CustomerDraft.DesiredName> desired, Actor actor, String changedAction) {
        Instant now = now();
        Customer customer = existing;
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
        boolean changed = (!created && apply(customer, draft)) | syncNames(mssp, customer, desired, now)
                | syncRefs(mssp, customer, draft.refs(), now);
        if (changed && !created) {
            customer.updatedAt = now;
        }
        if (created || changed) {
            audit.record(mssp.id(), actor, created ? "customer.created" : changedAction, customer.tenantId,
                    customer.displayName);
        }
        index.stage(customer);
        return new Written(customer, created, changed);
    }

    /** Marks the customer and its names deleted; nothing is removed. */
    public void delete(Mssp mssp, UUID tenantId, Actor actor) {
        customers.lockMappingsOf(mssp.id());
        Customer customer = customers.findLive(mssp.id(), tenantId)
                .orElseThrow(() -> ProblemException.notFound("No customer of this MSSP has that tenant id."));
        Instant now = now();
        customer.deletedAt = now;
        customer.updatedAt = now;
        names.liveOf(customer.id).forEach(n -> n.deletedAt = now);
        refs.liveOf(customer.id).forEach(r -> r.deletedAt = now);
        audit.record(mssp.id(), actor, "customer.deleted", tenantId, customer.displayName);
        index.stage(customer);
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
        List<CustomerView> items = query.page(Page.of(page, size)).list().stream()
                .map(CustomerView::of).toList();
        return new CustomerPage(items, page, size, query.count());
    }

    private void refuseNamesOfOthers(Mssp mssp, Map<String, CustomerDraft.DesiredName> desired, List<PsaRef> wantedRefs,
            Long customerId) {
        List<CustomerName> taken = names.takenByOthers(mssp.id(), desired.keySet(), customerId);
        List<CustomerRef> takenRefs = refs.takenByOthers(mssp.id(), wantedRefs, customerId);
        if (taken.isEmpty() && takenRefs.isEmpty()) {
            return;
        }
        Map<Long, Customer> owners = new HashMap<>();
        List<NameTakenException.Conflict> conflicts = new ArrayList<>();
        for (CustomerName n : taken) {
            Customer owner = owners.computeIfAbsent(n.customerId, customers::findById);
            conflicts.add(NameTakenException.Conflict.ofName(desired.get(n.nameKey).name(), owner.tenantId.toString(),
                    owner.displayName));
        }
        for (CustomerRef r : takenRefs) {
            Customer owner = owners.computeIfAbsent(r.customerId, customers::findById);
            conflicts.add(NameTakenException.Conflict.ofRef(r.ref(), owner.tenantId.toString(), owner.displayName));
        }
        throw new NameTakenException(conflicts);
    }

    /** Brings the customer's live references to the wanted ones; true when any changed. */
    private boolean syncRefs(Mssp mssp, Customer customer, List<PsaRef> wanted, Instant now) {
        boolean changed = false;
        Set<PsaRef> missing = new LinkedHashSet<>(wanted);
        for (CustomerRef existing : refs.liveOf(customer.id)) {
            if (!missing.remove(existing.ref())) {
                existing.deletedAt = now;
                changed = true;
            }
        }
        for (PsaRef ref : missing) {
            CustomerRef row = new CustomerRef();
            row.msspId = mssp.id();
            row.customerId = customer.id;
            row.system = ref.system();
            row.refId = ref.id();
            row.createdAt = now;
            refs.persist(row);
            changed = true;
        }
        return changed;
    }

    /** Copies the draft onto the customer; true when anything changed. */
    private static boolean apply(Customer c, CustomerDraft d) {
        String[] domains = d.domains().toArray(String[]::new);
        String[] aliases = d.aliases().toArray(String[]::new);
        String[] refs = d.refs().stream().map(PsaRef::stored).toArray(String[]::new);
        boolean changed = !Objects.equals(c.displayName, d.displayName())
                || !Objects.equals(c.defaultDomain, d.defaultDomain())
                || !Objects.equals(c.initialDomain, d.initialDomain())
                || !Arrays.equals(c.domains, domains)
                || !Arrays.equals(c.aliases, aliases)
                || !Arrays.equals(c.refs, refs)
                || c.source != d.source()
                || !Objects.equals(c.sharepointName, d.sharepointName());
        c.displayName = d.displayName();
        c.defaultDomain = d.defaultDomain();
        c.initialDomain = d.initialDomain();
        c.domains = domains;
        c.aliases = aliases;
        c.refs = refs;
        c.source = d.source();
        c.sharepointName = d.sharepointName();
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

    /**
     * Records the initial domain the directory read for a Graph customer that has none, in the caller's
     * transaction. Never overwrites one (an admin's, or an earlier sync's), never touches a manual or
     * imported customer, and skips a domain another customer of the MSSP already holds.
     *
     * @return true when the customer now has this initial domain
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean learnInitialDomain(Mssp mssp, UUID tenantId, String initialDomain, String actor) {
        String domain = DomainName.parseInitial(initialDomain)
                .orElseThrow(() -> new IllegalArgumentException("not an initial domain; validate before learning it"));
        customers.lockMappingsOf(mssp.id());
        Customer customer = customers.findLive(mssp.id(), tenantId).orElse(null);
        if (customer == null || customer.source != CustomerSource.GRAPH || customer.initialDomain != null) {
            return false;
        }
        CustomerDraft draft = new CustomerDraft(customer.tenantId, customer.displayName, customer.defaultDomain, domain,
                List.of(customer.domains), List.of(customer.aliases), CustomerView.refs(customer.refs), customer.source,
                customer.sharepointName);
        Map<String, CustomerDraft.DesiredName> desired = new LinkedHashMap<>(draft.names());
        Set<String> taken = new HashSet<>();
        names.takenByOthers(mssp.id(), desired.keySet(), customer.id).forEach(n -> taken.add(n.nameKey));
        if (taken.contains(domain)) {
            return false;
        }
        // names another customer took since the customer's names were written stay where they are
        desired.keySet().removeAll(taken);
        write(mssp, customer, draft, desired, Actor.system(actor), "customer.updated");
        return true;
    }
}
