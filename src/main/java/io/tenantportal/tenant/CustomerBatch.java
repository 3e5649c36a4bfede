package io.tenantportal.tenant;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.tenantportal.audit.AuditLog;
import io.tenantportal.mssp.Actor;
import io.tenantportal.mssp.Mssp;

/**
 * Writes many customers of one MSSP in one transaction with the rules of {@code PUT}: an import.
 * Each item either replaces its customer (like PUT) or adds PSA references to an existing one. The
 * whole batch is planned first (what each item would do, and which items conflict), then written
 * with a few set-based statements instead of one round trip per customer, under the MSSP's write lock.
 *
 * <p>A name or reference conflicts when two items claim it, or when a customer outside the batch
 * holds it, or a customer in the batch that keeps it. A customer in the batch that drops a name frees
 * it for another item of the same batch (an alias moved from one customer to another), as long as
 * that customer's item is written too.
 */
@ApplicationScoped
public class CustomerBatch {

    /** Statement parameters are arrays of at most this many rows. */
    private static final int CHUNK = 5_000;
    /** Joins list cells into one text per row for unnest; no stored name, domain or reference holds it. */
    private static final String UNIT_SEPARATOR = "\u001f";

    @Inject
    CustomerRepository customers;

    @Inject
    AuditLog audit;

    @Inject
    IndexUpdates index;

    public enum Mode {
        /** Each item is the whole customer, as a PUT body. */
        REPLACE,
        /** Each item names an existing customer and references it should hold too; nothing else changes. */
        ADD_REFS
    }

    public enum Write {
        /** Plan only (a dry run, or a batch already known to fail). */
        NOTHING,
        /** Write every item that can be written; skip the others. */
        GOOD_ITEMS,
        /** Write only when no item conflicts. */
        ALL_OR_NOTHING
    }

    public enum Outcome {
        CREATED, UPDATED, UNCHANGED, INVALID, CONFLICT
    }

    /**
     * One item. In {@link Mode#ADD_REFS} only the draft's tenant id and references count.
     *
     * @param sourceAsGiven the source the item named, or null: a customer that already equals the item
     *        stays unchanged when the item named no source or the customer's own (graph included). A draft
     *        with source graph keeps a Graph customer Graph (as a PUT does) and is written as import otherwise.
     */
    public record Item(int row, CustomerDraft draft, CustomerSource sourceAsGiven) {
    }

    /** A name or reference of an item that another customer, or another item ({@code row}), holds. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Conflict(String name, PsaRef ref, String tenantId, String displayName, Integer row) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(int row, UUID tenantId, Outcome outcome, String reason, String field, List<Conflict> conflicts) {
    }

    /** The outcome of every item, in item order, and whether the changes were written. */
    public record Report(List<Result> results, boolean written) {
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public Report run(Mssp mssp, Mode mode, List<Item> items, Write write, Actor actor) {
        customers.lockMappingsOf(mssp.id());
        Session session = customers.getEntityManager().unwrap(Session.class);
        Plan plan = session.doReturningWork(connection -> new Plan(connection, mssp.id(), mode, items));
        boolean failed = plan.planned.stream().anyMatch(p -> p.outcome == Outcome.CONFLICT || p.outcome == Outcome.INVALID);
        boolean writes = write == Write.GOOD_ITEMS || (write == Write.ALL_OR_NOTHING && !failed);
        if (writes) {
            List<Planned> changed = plan.planned.stream()
                    .filter(p -> p.outcome == Outcome.CREATED || p.outcome == Outcome.UPDATED).toList();
            List<Long> ids = session.doReturningWork(connection -> new Writer(connection, mssp.id()).write(changed));
            audit.recordAll(mssp.id(), actor, changed.stream().map(p -> new AuditLog.Change(
                    p.outcome == Outcome.CREATED ? "customer.created"
                            : mode == Mode.ADD_REFS ? "customer.refs-added" : "customer.replaced",
                    p.tenantId(), p.target.displayName())).toList());
            index.reloadOnCommit(ids);
        }
        return new Report(plan.planned.stream().map(Planned::result).toList(), writes);
    }

    /** A customer as stored: its fields as a draft (with its source) and its row id. */
    private record Stored(long id, CustomerDraft fields) {
    }

    /** Who holds a name or reference now. */
    private record Owner(long customerId, UUID tenantId, String displayName) {
    }

    /** One item as planned: what it would write and its outcome so far. */
    private static final class Planned {
        final Item item;
        final Stored existing;
        CustomerDraft target;
        Map<String, CustomerDraft.DesiredName> names = Map.of();
        Outcome outcome;
        String reason;
        String field;
        final List<Conflict> conflicts = new ArrayList<>();

        Planned(Item item, Stored existing) {
            this.item = item;
            this.existing = existing;
        }

        UUID tenantId() {
            return item.draft().tenantId();
        }

        boolean written() {
            return outcome == Outcome.CREATED || outcome == Outcome.UPDATED;
        }

        boolean claims() {
            return outcome != Outcome.INVALID;
        }

        void invalid(String field, String reason) {
            outcome = Outcome.INVALID;
            this.field = field;
            this.reason = reason;
        }

        void conflict(String field, String reason, Conflict conflict) {
            if (outcome != Outcome.CONFLICT) {
                outcome = Outcome.CONFLICT;
                this.field = field;
                this.reason = reason;
            }
            conflicts.add(conflict);
        }

        Result result() {
            String why = reason;
            if (outcome == Outcome.CONFLICT && conflicts.size() > 1) {
                why = reason + " (and " + (conflicts.size() - 1) + " more)";
            }
            return new Result(item.row(), tenantId(), outcome, why, field, conflicts.isEmpty() ? null : List.copyOf(conflicts));
        }
    }

    /** Reads what the batch touches and decides each item's outcome; writes nothing. */
    private static final class Plan {
        final List<Planned> planned = new ArrayList<>();
        final Map<UUID, Planned> byTenant = new HashMap<>();

        /** Items must name distinct tenants (the caller reports repeated tenant ids itself). */
        Plan(Connection connection, long msspId, Mode mode, List<Item> items) throws SQLException {
            Map<UUID, Stored> existing = storedCustomers(connection, msspId,
                    items.stream().map(i -> i.draft().tenantId()).toList());
            for (Item item : items) {
                Planned p = new Planned(item, existing.get(item.draft().tenantId()));
                planned.add(p);
                if (byTenant.put(p.tenantId(), p) != null) {
                    throw new IllegalArgumentException("two items of one batch name the same tenant");
                }
                target(p, mode);
            }
            // only what an item would write can be held by someone else
            Map<String, Owner> nameOwners = nameOwners(connection, msspId, planned.stream()
                    .filter(Planned::written).flatMap(p -> p.names.keySet().stream()).distinct().toList());
            Map<PsaRef, Owner> refOwners = refOwners(connection, msspId, planned.stream()
                    .filter(Planned::written).flatMap(p -> p.target.refs().stream()).distinct().toList());
            claimedTwice(p -> p.names.keySet(), (p, key) -> p.names.get(key).name(), (p, key) -> nameField(p, key), false);
            claimedTwice(p -> new LinkedHashSet<>(p.target.refs()), (p, ref) -> null, (p, ref) -> "refs", true);
            heldByOthers(nameOwners, refOwners);
        }

        /** What the item would make of its customer, and whether that changes anything. */
        private static void target(Planned p, Mode mode) {
            CustomerDraft draft = p.item.draft();
            if (mode == Mode.ADD_REFS) {
                if (p.existing == null) {
                    p.invalid("tenantId", "no customer of this MSSP has this tenant id; references are added to "
                            + "existing customers only");
                    p.target = draft;
                    return;
                }
                CustomerDraft has = p.existing.fields();
                Set<PsaRef> refs = new LinkedHashSet<>(has.refs());
                refs.addAll(draft.refs());
                p.target = new CustomerDraft(has.tenantId(), has.displayName(), has.defaultDomain(), has.initialDomain(),
                        has.domains(), has.aliases(), List.copyOf(refs), has.source(), has.sharepointName());
                if (refs.size() > PsaRef.MAX_PER_CUSTOMER) {
                    p.invalid("refs", "the customer would hold " + refs.size() + " references; at most "
                            + PsaRef.MAX_PER_CUSTOMER + " are allowed");
                    return;
                }
            } else if (draft.source() == CustomerSource.GRAPH
                    && (p.existing == null || p.existing.fields().source() != CustomerSource.GRAPH)) {
                // As a PUT: graph stays for a customer the sync manages. An export's graph row for any other
                // (or a new) customer is taken as the admin's import, so that an export imports anywhere.
                p.target = new CustomerDraft(draft.tenantId(), draft.displayName(), draft.defaultDomain(),
                        draft.initialDomain(), draft.domains(), draft.aliases(), draft.refs(), CustomerSource.IMPORT,
                        draft.sharepointName());
            } else {
                p.target = draft;
            }
            if (p.target.sharepointName() == null && p.existing != null && p.existing.fields().sharepointName() != null) {
                // CSV has no sharepointName column: a row without one keeps what an admin set (only PUT clears it)
                CustomerDraft t = p.target;
                p.target = new CustomerDraft(t.tenantId(), t.displayName(), t.defaultDomain(), t.initialDomain(),
                        t.domains(), t.aliases(), t.refs(), t.source(), p.existing.fields().sharepointName());
            }
            p.names = p.target.names();
            if (p.existing == null) {
                p.outcome = Outcome.CREATED;
                return;
            }
            List<String> changed = changedFields(p.existing.fields(), p.target);
            CustomerSource given = mode == Mode.ADD_REFS ? null : p.item.sourceAsGiven();
            // graph for a customer the sync does not manage asks for nothing that can be written
            boolean sourceKept = given == null || given == p.existing.fields().source() || given == CustomerSource.GRAPH;
            if (changed.isEmpty() && sourceKept) {
                p.outcome = Outcome.UNCHANGED;
                return;
            }
            if (p.target.source() != p.existing.fields().source()) {
                changed.add("source");
            }
            p.outcome = Outcome.UPDATED;
            p.reason = changed.isEmpty() ? null : "changes " + String.join(", ", changed);
        }

        private static List<String> changedFields(CustomerDraft was, CustomerDraft will) {
            List<String> changed = new ArrayList<>();
            if (!was.displayName().equals(will.displayName())) {
                changed.add("displayName");
            }
            if (!Objects.equals(was.defaultDomain(), will.defaultDomain())) {
                changed.add("defaultDomain");
            }
            if (!Objects.equals(was.initialDomain(), will.initialDomain())) {
                changed.add("initialDomain");
            }
            if (!was.domains().equals(will.domains())) {
                changed.add("domains");
            }
            if (!was.aliases().equals(will.aliases())) {
                changed.add("aliases");
            }
            if (!was.refs().equals(will.refs())) {
                changed.add("refs");
            }
            if (!Objects.equals(was.sharepointName(), will.sharepointName())) {
                changed.add("sharepointName");
            }
            return changed;
        }

        /** Which field of the item a name comes from, for the report. */
        private static String nameField(Planned p, String key) {
            CustomerDraft.DesiredName name = p.names.get(key);
            return switch (name.kind()) {
                case DISPLAY_NAME -> "displayName";
                case ALIAS -> "aliases";
                case DOMAIN -> name.name().equals(p.target.defaultDomain()) ? "defaultDomain"
                        : name.name().equals(p.target.initialDomain()) ? "initialDomain" : "domains";
            };
        }

        /** Items of different customers claiming one name (or reference) all conflict: nobody guesses which is right. */
        private <K> void claimedTwice(Function<Planned, Collection<K>> claimsOf,
                BiFunction<Planned, K, String> nameOf,
                BiFunction<Planned, K, String> fieldOf, boolean refs) {
            // the first claimant of each key; a list only for the few keys claimed more than once
            Map<K, Planned> first = new HashMap<>();
            Map<K, List<Planned>> shared = new LinkedHashMap<>();
            for (Planned p : planned) {
                if (p.claims()) {
                    for (K key : claimsOf.apply(p)) {
                        Planned earlier = first.putIfAbsent(key, p);
                        if (earlier != null) {
                            shared.computeIfAbsent(key, k -> new ArrayList<>(List.of(earlier))).add(p);
                        }
                    }
                }
            }
            for (Map.Entry<K, List<Planned>> claim : shared.entrySet()) {
                K key = claim.getKey();
                for (Planned p : claim.getValue()) {
                    for (Planned other : claim.getValue()) {
                        if (other == p) {
                            continue;
                        }
                        String what = refs ? "the reference " + key : "'" + nameOf.apply(p, key) + "'";
                        p.conflict(fieldOf.apply(p, key), what + " is also claimed by row " + other.item.row(),
                                new Conflict(refs ? null : nameOf.apply(p, key), refs ? (PsaRef) key : null,
                                        other.tenantId().toString(), other.target.displayName(), other.item.row()));
                    }
                }
            }
        }

        /**
         * Names and references that a customer other than the item's own holds stay with it unless that
         * customer's own item drops them and is written. Conflicts only grow, so this settles.
         */
        private void heldByOthers(Map<String, Owner> nameOwners, Map<PsaRef, Owner> refOwners) {
            boolean settled = false;
            while (!settled) {
                settled = true;
                for (Planned p : planned) {
                    if (!p.written()) {
                        continue;
                    }
                    for (String key : p.names.keySet()) {
                        Owner owner = nameOwners.get(key);
                        if (owner != null && !freed(owner, p, other -> other.names.containsKey(key))) {
                            String name = p.names.get(key).name();
                            p.conflict(nameField(p, key), "'" + name + "' " + heldBy(owner, "names"),
                                    new Conflict(name, null, owner.tenantId().toString(), owner.displayName(), null));
                            settled = false;
                        }
                    }
                    for (PsaRef ref : p.target.refs()) {
                        Owner owner = refOwners.get(ref);
                        if (owner != null && !freed(owner, p, other -> other.target.refs().contains(ref))) {
                            p.conflict("refs", "the reference " + ref + " " + heldBy(owner, "belongs to"),
                                    new Conflict(null, ref, owner.tenantId().toString(), owner.displayName(), null));
                            settled = false;
                        }
                    }
                }
            }
        }

        /** True when the holder is the item's own customer, or its item is written without the claim. */
        private boolean freed(Owner owner, Planned claimant, Predicate<Planned> keeps) {
            if (owner.tenantId().equals(claimant.tenantId())) {
                return true;
            }
            Planned other = byTenant.get(owner.tenantId());
            return other != null && other.written() && !keeps.test(other);
        }

        private String heldBy(Owner owner, String verb) {
            Planned other = byTenant.get(owner.tenantId());
            String who = verb + " " + owner.displayName() + " (" + owner.tenantId() + ")";
            return other == null ? "already " + who : who + ", whose row " + other.item.row() + " keeps it or is not written";
        }
    }

    private static Map<UUID, Stored> storedCustomers(Connection connection, long msspId, List<UUID> tenantIds)
            throws SQLException {
        Map<UUID, Stored> stored = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT id, tenant_id, display_name, default_domain, initial_domain, domains, aliases, refs, source,
                       sharepoint_name
                FROM customer WHERE mssp_id = ? AND deleted_at IS NULL AND tenant_id = ANY (?)""")) {
            query.setLong(1, msspId);
            query.setArray(2, connection.createArrayOf("uuid", tenantIds.toArray(UUID[]::new)));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    UUID tenantId = rows.getObject(2, UUID.class);
                    CustomerDraft fields = new CustomerDraft(tenantId, rows.getString(3), rows.getString(4),
                            rows.getString(5), strings(rows.getArray(6)), strings(rows.getArray(7)),
                            CustomerView.refs(strings(rows.getArray(8)).toArray(String[]::new)),
                            new CustomerSource.Column().convertToEntityAttribute(rows.getString(9)), rows.getString(10));
                    stored.put(tenantId, new Stored(rows.getLong(1), fields));
                }
            }
        }
        return stored;
    }

    private static Map<String, Owner> nameOwners(Connection connection, long msspId, List<String> keys)
            throws SQLException {
        Map<String, Owner> owners = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT n.name_key, c.id, c.tenant_id, c.display_name
                FROM customer_name n JOIN customer c ON c.id = n.customer_id
                WHERE n.mssp_id = ? AND n.deleted_at IS NULL AND n.name_key = ANY (?)""")) {
            for (int from = 0; from < keys.size(); from += CHUNK) {
                query.setLong(1, msspId);
                query.setArray(2, connection.createArrayOf("text",
                        keys.subList(from, Math.min(keys.size(), from + CHUNK)).toArray(String[]::new)));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        owners.put(rows.getString(1), new Owner(rows.getLong(2), rows.getObject(3, UUID.class),
                                rows.getString(4)));
                    }
                }
            }
        }
        return owners;
    }

    private static Map<PsaRef, Owner> refOwners(Connection connection, long msspId, List<PsaRef> refs)
            throws SQLException {
        Map<PsaRef, Owner> owners = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT r.system, r.ref_id, c.id, c.tenant_id, c.display_name
                FROM customer_ref r JOIN customer c ON c.id = r.customer_id
                JOIN unnest(?, ?) AS w (system, ref_id) ON w.system = r.system AND w.ref_id = r.ref_id
                WHERE r.mssp_id = ? AND r.deleted_at IS NULL""")) {
            for (int from = 0; from < refs.size(); from += CHUNK) {
                List<PsaRef> chunk = refs.subList(from, Math.min(refs.size(), from + CHUNK));
                query.setArray(1, connection.createArrayOf("text", chunk.stream().map(PsaRef::system).toArray(String[]::new)));
                query.setArray(2, connection.createArrayOf("text", chunk.stream().map(PsaRef::id).toArray(String[]::new)));
                query.setLong(3, msspId);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        owners.put(new PsaRef(rows.getString(1), rows.getString(2)),
                                new Owner(rows.getLong(3), rows.getObject(4, UUID.class), rows.getString(5)));
                    }
                }
            }
        }
        return owners;
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    /** Writes planned items with set-based statements; returns the ids of the customers written. */
    private static final class Writer {
        private final Connection connection;
        private final long msspId;
        private final Timestamp now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS));

        Writer(Connection connection, long msspId) {
            this.connection = connection;
            this.msspId = msspId;
        }

        private record NameRow(long customerId, CustomerDraft.DesiredName name, String key) {
        }

        private record RefRow(long customerId, PsaRef ref) {
        }

        /** A live name row: its id and what it says now (or, for a rename, should say). */
        private record LiveName(long id, String kind, String name) {
        }

        List<Long> write(List<Planned> changed) throws SQLException {
            List<Planned> updated = changed.stream().filter(p -> p.outcome == Outcome.UPDATED).toList();
            List<Planned> created = changed.stream().filter(p -> p.outcome == Outcome.CREATED).toList();
            Long[] updatedIds = updated.stream().map(p -> p.existing.id()).toArray(Long[]::new);

            // Names and references a customer drops are freed first, so another customer of the batch may take them.
            List<Long> dropNames = new ArrayList<>();
            List<LiveName> renames = new ArrayList<>();
            List<NameRow> newNames = new ArrayList<>();
            Map<Long, Map<String, LiveName>> liveNames = liveNames(updatedIds);
            for (Planned p : updated) {
                Map<String, LiveName> live = liveNames.getOrDefault(p.existing.id(), Map.of());
                live.forEach((key, row) -> {
                    if (!p.names.containsKey(key)) {
                        dropNames.add(row.id());
                    }
                });
                p.names.forEach((key, want) -> {
                    LiveName have = live.get(key);
                    LiveName should = have == null ? null : new LiveName(have.id(), kind(want.kind()), want.name());
                    if (have == null) {
                        newNames.add(new NameRow(p.existing.id(), want, key));
                    } else if (!should.equals(have)) {
                        renames.add(should);
                    }
                });
            }
            List<Long> dropRefs = new ArrayList<>();
            List<RefRow> newRefs = new ArrayList<>();
            Map<Long, Map<PsaRef, Long>> liveRefs = liveRefs(updatedIds);
            for (Planned p : updated) {
                Map<PsaRef, Long> live = liveRefs.getOrDefault(p.existing.id(), Map.of());
                live.forEach((ref, id) -> {
                    if (!p.target.refs().contains(ref)) {
                        dropRefs.add(id);
                    }
                });
                p.target.refs().stream().filter(ref -> !live.containsKey(ref))
                        .forEach(ref -> newRefs.add(new RefRow(p.existing.id(), ref)));
            }
            markDeleted("customer_name", dropNames);
            markDeleted("customer_ref", dropRefs);
            updateCustomers(updated);
            renameNames(renames);

            List<Long> ids = new ArrayList<>(Arrays.asList(updatedIds));
            Map<UUID, Long> createdIds = insertCustomers(created);
            for (Planned p : created) {
                long id = createdIds.get(p.tenantId());
                ids.add(id);
                p.names.forEach((key, want) -> newNames.add(new NameRow(id, want, key)));
                p.target.refs().forEach(ref -> newRefs.add(new RefRow(id, ref)));
            }
            insertNames(newNames);
            insertRefs(newRefs);
            return ids;
        }

        private static String kind(NameKind kind) {
            return new NameKind.Column().convertToDatabaseColumn(kind);
        }

        /** Live names of these customers by key. */
        private Map<Long, Map<String, LiveName>> liveNames(Long[] customerIds) throws SQLException {
            Map<Long, Map<String, LiveName>> names = new HashMap<>();
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT id, customer_id, name_key, kind, name FROM customer_name
                    WHERE deleted_at IS NULL AND customer_id = ANY (?)""")) {
                query.setArray(1, connection.createArrayOf("int8", customerIds));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        names.computeIfAbsent(rows.getLong(2), id -> new HashMap<>()).put(rows.getString(3),
                                new LiveName(rows.getLong(1), rows.getString(4), rows.getString(5)));
                    }
                }
            }
            return names;
        }

        /** Live references of these customers, with their row ids. */
        private Map<Long, Map<PsaRef, Long>> liveRefs(Long[] customerIds) throws SQLException {
            Map<Long, Map<PsaRef, Long>> refs = new HashMap<>();
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT id, customer_id, system, ref_id FROM customer_ref
                    WHERE deleted_at IS NULL AND customer_id = ANY (?)""")) {
                query.setArray(1, connection.createArrayOf("int8", customerIds));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        refs.computeIfAbsent(rows.getLong(2), id -> new HashMap<>())
                                .put(new PsaRef(rows.getString(3), rows.getString(4)), rows.getLong(1));
                    }
                }
            }
            return refs;
        }

        private void markDeleted(String table, List<Long> ids) throws SQLException {
            if (ids.isEmpty()) {
                return;
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE " + table + " SET deleted_at = ? WHERE id = ANY (?)")) {
                update.setTimestamp(1, now);
                update.setArray(2, connection.createArrayOf("int8", ids.toArray(Long[]::new)));
                update.executeUpdate();
            }
        }

        private void renameNames(List<LiveName> renames) throws SQLException {
            chunked(renames, """
                    UPDATE customer_name n SET kind = u.kind, name = u.name
                    FROM unnest(?, ?, ?) AS u (id, kind, name) WHERE n.id = u.id""", (statement, chunk) -> {
                statement.setArray(1, array("int8", chunk, LiveName::id));
                statement.setArray(2, array("text", chunk, LiveName::kind));
                statement.setArray(3, array("text", chunk, LiveName::name));
            });
        }

        private void updateCustomers(List<Planned> updated) throws SQLException {
            chunked(updated, """
                    UPDATE customer c SET display_name = u.display_name, default_domain = u.default_domain,
                           initial_domain = u.initial_domain, domains = string_to_array(u.domains, chr(31)),
                           aliases = string_to_array(u.aliases, chr(31)), refs = string_to_array(u.refs, chr(31)),
                           source = u.source, sharepoint_name = u.sharepoint_name, updated_at = ?,
                           version = c.version + 1
                    FROM unnest(?, ?, ?, ?, ?, ?, ?, ?, ?)
                         AS u (id, display_name, default_domain, initial_domain, domains, aliases, refs, source,
                               sharepoint_name)
                    WHERE c.id = u.id""", (statement, chunk) -> {
                statement.setTimestamp(1, now);
                statement.setArray(2, array("int8", chunk, p -> p.existing.id()));
                setFields(statement, 3, chunk);
            });
        }

        private Map<UUID, Long> insertCustomers(List<Planned> created) throws SQLException {
            Map<UUID, Long> ids = new HashMap<>();
            chunked(created, """
                    INSERT INTO customer (mssp_id, tenant_id, display_name, default_domain, initial_domain, domains,
                                          aliases, refs, source, sharepoint_name, created_at, updated_at)
                    SELECT ?, u.tenant_id, u.display_name, u.default_domain, u.initial_domain,
                           string_to_array(u.domains, chr(31)), string_to_array(u.aliases, chr(31)),
                           string_to_array(u.refs, chr(31)), u.source, u.sharepoint_name, ?, ?
                    FROM unnest(?, ?, ?, ?, ?, ?, ?, ?, ?)
                         AS u (tenant_id, display_name, default_domain, initial_domain, domains, aliases, refs, source,
                               sharepoint_name)
                    RETURNING id, tenant_id""", (statement, chunk) -> {
                statement.setLong(1, msspId);
                statement.setTimestamp(2, now);
                statement.setTimestamp(3, now);
                statement.setArray(4, array("uuid", chunk, Planned::tenantId));
                setFields(statement, 5, chunk);
            }, rows -> ids.put(rows.getObject(2, UUID.class), rows.getLong(1)));
            return ids;
        }

        /** Display name, default and initial domain, domains, aliases, references, source and SharePoint name, from {@code at}. */
        private void setFields(PreparedStatement statement, int at, List<Planned> chunk) throws SQLException {
            statement.setArray(at, array("text", chunk, p -> p.target.displayName()));
            statement.setArray(at + 1, array("text", chunk, p -> p.target.defaultDomain()));
            statement.setArray(at + 2, array("text", chunk, p -> p.target.initialDomain()));
            statement.setArray(at + 3, array("text", chunk, p -> String.join(UNIT_SEPARATOR, p.target.domains())));
            statement.setArray(at + 4, array("text", chunk, p -> String.join(UNIT_SEPARATOR, p.target.aliases())));
            statement.setArray(at + 5, array("text", chunk, p -> String.join(UNIT_SEPARATOR,
                    p.target.refs().stream().map(PsaRef::stored).toList())));
            statement.setArray(at + 6, array("text", chunk, p -> p.target.source().wire()));
            statement.setArray(at + 7, array("text", chunk, p -> p.target.sharepointName()));
        }

        private void insertNames(List<NameRow> names) throws SQLException {
            chunked(names, """
                    INSERT INTO customer_name (mssp_id, customer_id, kind, name, name_key, loose_key, created_at)
                    SELECT ?, u.customer_id, u.kind, u.name, u.name_key, u.loose_key, ?
                    FROM unnest(?, ?, ?, ?, ?) AS u (customer_id, kind, name, name_key, loose_key)""", (statement, chunk) -> {
                statement.setLong(1, msspId);
                statement.setTimestamp(2, now);
                statement.setArray(3, array("int8", chunk, NameRow::customerId));
                statement.setArray(4, array("text", chunk, n -> kind(n.name().kind())));
                statement.setArray(5, array("text", chunk, n -> n.name().name()));
                statement.setArray(6, array("text", chunk, NameRow::key));
                statement.setArray(7, array("text", chunk, n -> n.name().looseKey()));
            });
        }

        private void insertRefs(List<RefRow> refs) throws SQLException {
            chunked(refs, """
                    INSERT INTO customer_ref (mssp_id, customer_id, system, ref_id, created_at)
                    SELECT ?, u.customer_id, u.system, u.ref_id, ?
                    FROM unnest(?, ?, ?) AS u (customer_id, system, ref_id)""", (statement, chunk) -> {
                statement.setLong(1, msspId);
                statement.setTimestamp(2, now);
                statement.setArray(3, array("int8", chunk, RefRow::customerId));
                statement.setArray(4, array("text", chunk, r -> r.ref().system()));
                statement.setArray(5, array("text", chunk, r -> r.ref().id()));
            });
        }

        @FunctionalInterface
        private interface Binder<T> {
            void bind(PreparedStatement statement, List<T> chunk) throws SQLException;
        }

        @FunctionalInterface
        private interface RowReader {
            void read(ResultSet rows) throws SQLException;
        }

        private <T> void chunked(List<T> rows, String sql, Binder<T> binder) throws SQLException {
            chunked(rows, sql, binder, null);
        }

        /** Runs the statement once per chunk of rows; reads what it returns when a reader is given. */
        private <T> void chunked(List<T> rows, String sql, Binder<T> binder, RowReader reader) throws SQLException {
            if (rows.isEmpty()) {
                return;
            }
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int from = 0; from < rows.size(); from += CHUNK) {
                    binder.bind(statement, rows.subList(from, Math.min(rows.size(), from + CHUNK)));
                    if (reader == null) {
                        statement.executeUpdate();
                        continue;
                    }
                    try (ResultSet returned = statement.executeQuery()) {
                        while (returned.next()) {
                            reader.read(returned);
                        }
                    }
                }
            }
        }

        private <T> Array array(String type, List<T> chunk, Function<T, Object> value) throws SQLException {
            Object[] values = switch (type) {
                case "int8" -> new Long[chunk.size()];
                case "uuid" -> new UUID[chunk.size()];
                default -> new String[chunk.size()];
            };
            for (int i = 0; i < values.length; i++) {
                values[i] = value.apply(chunk.get(i));
            }
            return connection.createArrayOf(type, values);
        }
    }
}
