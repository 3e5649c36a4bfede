package io.tenantportal.tenant;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * One customer as the in-memory {@link NameIndex} holds it: what the API shows, plus the keys its live
 * names are found by. Immutable; a change replaces the whole entry. {@code version} is the row's
 * optimistic-lock version, so an older copy arriving late never replaces a newer one.
 */
record IndexedCustomer(long id, long msspId, long version, boolean deleted, UUID tenantId, CustomerView view,
        List<IndexedName> names) {

    /** A live name of the customer: its exact key, its loose key (null for domains) and kind. */
    record IndexedName(String key, String looseKey, NameKind kind) {
    }

    IndexedCustomer {
        names = List.copyOf(names);
    }

    /** A customer entity and its live names, as a transaction is about to commit them. */
    static IndexedCustomer of(Customer c, List<CustomerName> names) {
        // a deleted customer's row keeps its last names and references; they reach nothing any more
        return new IndexedCustomer(c.id, c.msspId, c.version, c.deletedAt != null, c.tenantId, CustomerView.of(c),
                names.stream().map(n -> new IndexedName(n.nameKey, n.looseKey, n.kind)).toList());
    }

    /** The same customer, marked deleted: it then reaches nothing. */
    IndexedCustomer asDeleted() {
        return new IndexedCustomer(id, msspId, version, true, tenantId, view, List.of());
    }

    CustomerCandidate candidate() {
        return new CustomerCandidate(view.displayName(), view.tenantId());
    }

    /** Display-name order of lists and candidates: case-insensitive name, then tenant id. */
    static int byDisplayName(IndexedCustomer a, IndexedCustomer b) {
        int byName = a.view.displayName().toLowerCase(Locale.ROOT)
                .compareTo(b.view.displayName().toLowerCase(Locale.ROOT));
        return byName != 0 ? byName : a.view.tenantId().compareTo(b.view.tenantId());
    }
}
