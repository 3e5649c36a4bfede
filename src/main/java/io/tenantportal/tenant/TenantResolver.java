package io.tenantportal.tenant;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.tenantportal.mssp.Mssp;

/**
 * Turns a name into one customer of the caller's MSSP, in this order: tenant id, exact name key
 * (display name, alias, domain), then the loose key when it names exactly one customer. Every
 * caller resolves through here, so caching and the Microsoft Graph fallback live in one place.
 */
@ApplicationScoped
public class TenantResolver {

    public static final int MAX_SUGGESTIONS = 5;
    /** More candidates than this are not listed; the caller needs a sharper name anyway. */
    public static final int MAX_CANDIDATES = 20;

    @Inject
    CustomerRepository customers;

    @Inject
    DirectoryLookup directory;

    /**
     * A name unknown locally is looked up in the MSSP's directory, so the redirect path depends on
     * Microsoft Graph only for names PostgreSQL does not know yet.
     *
     * @throws CustomerNotFoundException with up to five similar names of the same MSSP
     * @throws AmbiguousNameException when the name could mean several customers
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CustomerView resolve(Mssp mssp, String name) {
        NameKey.requireValid(name, "name");
        return findLocally(mssp, name)
                .or(() -> directory.lookUp(mssp, name))
                .orElseThrow(() -> new CustomerNotFoundException(suggestionsFor(mssp, name)));
    }

    /** The local answer only: empty when nothing matches; throws when the name is ambiguous. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CustomerView> findLocally(Mssp mssp, String name) {
        Optional<UUID> tenantId = TenantId.parse(name);
        if (tenantId.isPresent()) {
            return customers.findLive(mssp.id(), tenantId.get()).map(CustomerView::of);
        }
        String key = NameKey.exact(name);
        Optional<Customer> exact = customers.findByNameKey(mssp.id(), key);
        if (exact.isPresent()) {
            return exact.map(CustomerView::of);
        }
        String loose = NameKey.loose(name);
        if (loose.isEmpty()) {
            return Optional.empty();
        }
        List<Customer> matches = customers.findByLooseKey(mssp.id(), loose, MAX_CANDIDATES);
        if (matches.size() > 1) {
            throw new AmbiguousNameException(matches.stream().map(CustomerCandidate::of).toList());
        }
        return matches.stream().findFirst().map(CustomerView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> suggestionsFor(Mssp mssp, String name) {
        if (TenantId.parse(name).isPresent()) {
            return List.of();
        }
        return customers.similarDisplayNames(mssp.id(), NameKey.exact(name), MAX_SUGGESTIONS);
    }
}
