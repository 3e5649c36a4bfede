package io.tenantportal.tenant;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * Read-your-writes for the {@link NameIndex}: a write stages the customers it changed, and when its
 * transaction commits they are applied to this replica's index before the response leaves. Nothing
 * is applied when the transaction rolls back (a failed write, a dry run).
 */
@ApplicationScoped
class IndexUpdates {

    private static final Object STAGED = IndexUpdates.class.getName() + ".staged";

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    CustomerNameRepository names;

    @Inject
    NameIndex index;

    /** Stages the customer as this transaction leaves it; call after its last change (and a flush). */
    @Transactional(Transactional.TxType.MANDATORY)
    void stage(Customer customer) {
        names.flush();
        List<CustomerName> live = customer.deletedAt == null ? names.liveOf(customer.id) : List.of();
        staged().put(customer.id, IndexedCustomer.of(customer, live));
    }

    /**
     * Has these customers read again into the index once this transaction commits: a bulk write changes
     * too many to stage one by one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void reloadOnCommit(Collection<Long> customerIds) {
        if (customerIds.isEmpty()) {
            return;
        }
        List<Long> ids = List.copyOf(customerIds);
        afterCommit(() -> index.reloadCommitted(ids));
    }

    @SuppressWarnings("unchecked")
    private Map<Long, IndexedCustomer> staged() {
        Map<Long, IndexedCustomer> staged = (Map<Long, IndexedCustomer>) transactions.getResource(STAGED);
        if (staged == null) {
            Map<Long, IndexedCustomer> fresh = new LinkedHashMap<>();
            transactions.putResource(STAGED, fresh);
            afterCommit(() -> index.apply(fresh.values()));
            staged = fresh;
        }
        return staged;
    }

    /** Runs the action once the current transaction has committed; never when it rolls back. */
    private void afterCommit(Runnable action) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }
}
