package io.tenantportal.tenant;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.tenantportal.mssp.Mssp;

/**
 * Turns a name into one customer of the caller's MSSP, in this order: tenant id, exact name key
 * (display name, alias, domain), then the loose key when it names exactly one customer. Every lookup
 * is answered from the in-memory {@link NameIndex}; only a name unknown there is asked of the MSSP's
 * directory (Microsoft Graph), the one step that may wait for the network.
 */
@ApplicationScoped
public class TenantResolver {

    public static final int MAX_SUGGESTIONS = 5;
    /** More candidates than this are not listed; the caller needs a sharper name anyway. */
    public static final int MAX_CANDIDATES = 20;

    @Inject
    NameIndex index;

    @Inject
    DirectoryLookup directory;

    /**
     * The customer a name means; a name unknown locally is looked up in the MSSP's directory.
     *
     * @throws CustomerNotFoundException with up to five similar names of the same MSSP
     * @throws AmbiguousNameException when the name could mean several customers
     */
    public CustomerView resolve(Mssp mssp, String name) {
        NameKey.requireValid(name, "name");
        return findLocally(mssp, name)
                .or(() -> directory.lookUp(mssp, name))
                .orElseThrow(() -> notFound(mssp, name));
    }

    /**
     * False when {@link #resolve} answers this MSSP quickly without I/O: it has no directory to ask, and
     * its suggestions come from a current similar-names index rather than scoring many changed customers.
     */
    public boolean mayWait(Mssp mssp) {
        return directory.mayWait(mssp) || !index.suggestionsQuick(mssp.id());
    }

    /**
     * The local answer only, from memory: empty when nothing matches. Never waits for I/O.
     *
     * @throws AmbiguousNameException when the name could mean several customers
     */
    public Optional<CustomerView> findLocally(Mssp mssp, String name) {
        return findIndexed(mssp.id(), name).map(IndexedCustomer::view);
    }

    Optional<IndexedCustomer> findIndexed(long msspId, String name) {
        Optional<UUID> tenantId = TenantId.parse(name);
        if (tenantId.isPresent()) {
            return index.byTenantId(msspId, tenantId.get());
        }
        String key = NameKey.exact(name);
        Optional<IndexedCustomer> exact = index.byKey(msspId, key);
        if (exact.isEmpty() && key.endsWith(".")) {
            // "contoso.com." is the fully qualified form of the domain contoso.com.
            exact = DomainName.parse(key).flatMap(domain -> index.byKey(msspId, domain));
        }
        if (exact.isPresent()) {
            return exact;
        }
        String loose = NameKey.loose(name);
        if (loose.isEmpty()) {
            return Optional.empty();
        }
        List<IndexedCustomer> matches = index.byLooseKey(msspId, loose);
        if (matches.size() > 1) {
            throw new AmbiguousNameException(matches.stream().limit(MAX_CANDIDATES)
                    .map(IndexedCustomer::candidate).toList());
        }
        return matches.stream().findFirst();
    }

    /**
     * The customer a PSA reference names, from memory; empty when none of the MSSP's live customers has it.
     * References are never looked up in the directory: only the PSA (through an admin or an import) sets them.
     */
    public Optional<CustomerView> findByRef(Mssp mssp, PsaRef ref) {
        return index.byRef(mssp.id(), ref).map(IndexedCustomer::view);
    }

    /** The 404 for a name nothing matches, with up to five similar names of the MSSP's customers. */
    public CustomerNotFoundException notFound(Mssp mssp, String name) {
        return new CustomerNotFoundException(suggestionsFor(mssp, name));
    }

    public List<String> suggestionsFor(Mssp mssp, String name) {
        if (TenantId.parse(name).isPresent()) {
            return List.of();
        }
        return index.similarDisplayNames(mssp.id(), NameKey.exact(name), MAX_SUGGESTIONS);
    }
}
