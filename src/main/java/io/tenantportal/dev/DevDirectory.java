package io.tenantportal.dev;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import io.tenantportal.directory.CustomerList;
import io.tenantportal.directory.Directory;
import io.tenantportal.directory.DirectoryPage;
import io.tenantportal.directory.DirectoryTenant;
import io.tenantportal.mssp.Mssp;
import io.tenantportal.tenant.DirectoryEntry;

/**
 * Dev mode only: a fictional directory in place of Microsoft Graph, so sync and lookup on a miss work
 * with no Azure at all. It lists the seeded customers and a few more that only it knows, e.g.
 * {@code curl -i localhost:8080/tenants/litware/portal} or {@code curl -X POST localhost:8080/sync}.
 */
@IfBuildProfile("dev")
@ApplicationScoped
public class DevDirectory implements Directory {

    private static final Logger LOG = Logger.getLogger(DevDirectory.class);

    record Customer(String tenantId, String displayName, String domain) {
        DirectoryEntry entry(CustomerList list) {
            return new DirectoryEntry(UUID.fromString(tenantId), displayName,
                    list == CustomerList.CONTRACTS ? domain : null, List.of());
        }
    }

    /** Two GDAP pages, so a sync shows paging; the domains come from the contracts, as with Graph. */
    static final List<List<Customer>> PAGES = List.of(
            List.of(new Customer("6f1c2a3b-4d5e-4f60-8a1b-2c3d4e5f6071", "Contoso Ltd", "contoso.com"),
                    new Customer("7a2b3c4d-5e6f-4071-9b2c-3d4e5f607182", "Fabrikam Inc", "fabrikam.com"),
                    new Customer("c1d2e3f4-a5b6-47c8-9d0e-1f2a3b4c5d6e", "Litware Inc", "litware.com")),
            List.of(new Customer("d2e3f4a5-b6c7-48d9-8e0f-2a3b4c5d6e7f", "Proseware", "proseware.com"),
                    new Customer("e3f4a5b6-c7d8-49e0-9f1a-3b4c5d6e7f80", "Wingtip Toys", "wingtiptoys.com"),
                    new Customer("f4a5b6c7-d8e9-40f1-8a2b-4c5d6e7f8091", "Fourth Coffee", "fourthcoffee.com")));

    /** A real tenant, but no customer of the MSSP: looking its domain up answers 404. */
    static final DirectoryTenant STRANGER = new DirectoryTenant(
            UUID.fromString("0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d"), "Alpine Ski House");
    static final String STRANGER_DOMAIN = "alpineskihouse.com";

    void onStart(@Observes StartupEvent event) {
        LOG.infof("dev directory: a fictional Microsoft Graph with %d customers serves every MSSP; try "
                + "curl -i localhost:8080/tenants/litware/portal, then curl -X POST localhost:8080/sync",
                PAGES.stream().mapToInt(List::size).sum());
    }

    @Override
    public boolean serves(Mssp mssp) {
        return true;
    }

    @Override
    public int readCustomers(Mssp mssp, CustomerList list, Consumer<DirectoryPage> pages) {
        LOG.infof("dev directory: listing %s customers (no Graph is called in dev mode)", list.wire());
        PAGES.forEach(page -> pages.accept(new DirectoryPage(page.stream().map(c -> c.entry(list)).toList(), 0)));
        return PAGES.size();
    }

    @Override
    public Optional<DirectoryTenant> tenantOfDomain(Mssp mssp, String domain) {
        if (STRANGER_DOMAIN.equals(domain)) {
            return Optional.of(STRANGER);
        }
        return PAGES.stream().flatMap(List::stream).filter(c -> c.domain().equals(domain)).findFirst()
                .map(c -> new DirectoryTenant(UUID.fromString(c.tenantId()), c.displayName()));
    }
}
