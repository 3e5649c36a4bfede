package io.tenantportal.directory;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import io.tenantportal.health.DelegatedRelationship;
import io.tenantportal.mssp.Mssp;

/**
 * An MSSP's customer directory: Microsoft Graph in production, a fictional one in dev mode. Calls may
 * wait for the network; never call them inside a database transaction.
 */
public interface Directory {

    /** Whether the MSSP has a directory at all (Graph credentials configured). */
    boolean serves(Mssp mssp);

    /**
     * Reads one customer list page by page, handing each page over before the next is fetched, so
     * memory holds one page at a time.
     *
     * @return pages read
     * @throws DirectoryForbiddenException when the MSSP's app may not read this list
     * @throws DirectoryUnavailableException when the directory cannot be asked right now
     */
    int readCustomers(Mssp mssp, CustomerList list, Consumer<DirectoryPage> pages);

    /**
     * The tenant a verified domain belongs to, whoever's customer it is; empty when no tenant has it.
     *
     * @param domain a domain that passed {@code DomainName.parse}
     * @throws DirectoryForbiddenException when the MSSP's app may not look domains up
     * @throws DirectoryUnavailableException when the directory cannot be asked right now
     */
    Optional<DirectoryTenant> tenantOfDomain(Mssp mssp, String domain);

    /**
     * The initial ({@code *.onmicrosoft.com}) domain of a customer's tenant, read in that tenant; empty when
     * the tenant names none. Only a directory that can read inside customer tenants knows it.
     *
     * @throws DirectoryForbiddenException when the MSSP's app may not read the customer tenant's domains
     *         (not consented there, or without Domain.Read.All)
     * @throws DirectoryUnavailableException when the directory cannot be asked right now
     */
    default Optional<String> initialDomainOf(Mssp mssp, java.util.UUID customerTenant) {
        throw new DirectoryForbiddenException("customer-domains");
    }

    /**
     * The MSSP's GDAP relationships with the roles their active access assignments grant; empty when this
     * directory has none to offer (dev mode).
     *
     * @throws DirectoryForbiddenException when the MSSP's app lacks DelegatedAdminRelationship.Read.All
     * @throws DirectoryUnavailableException when the directory cannot be asked right now
     */
    default Optional<List<DelegatedRelationship>> readRelationships(Mssp mssp) {
        return Optional.empty();
    }
}
