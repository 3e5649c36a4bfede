package io.tenantportal.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.arc.profile.UnlessBuildProfile;
import io.quarkus.runtime.StartupEvent;
import io.tenantportal.health.DelegatedRelationship;
import io.tenantportal.mssp.Mssp;
import io.tenantportal.mssp.MsspRegistry;
import io.tenantportal.problem.ProblemException;
import io.tenantportal.tenant.DirectoryEntry;
import io.tenantportal.tenant.DomainName;
import io.tenantportal.tenant.NameKey;
import io.tenantportal.tenant.TenantId;

/** The MSSP's customers as Microsoft Graph lists them; dev mode has a fictional directory instead. */
@UnlessBuildProfile("dev")
@ApplicationScoped
public class GraphDirectory implements Directory {

    private static final Logger LOG = Logger.getLogger(GraphDirectory.class);
    static final int MAX_PAGE_SIZE = 300;

    @Inject
    GraphConfig config;

    @Inject
    GraphAccess access;

    @Inject
    GraphClient client;

    @Inject
    MsspRegistry registry;

    void onStart(@Observes @Priority(MsspRegistry.STARTUP_PRIORITY + 1) StartupEvent event) {
        for (Mssp mssp : registry.all()) {
            access.missing(mssp).ifPresentOrElse(
                    why -> LOG.infof("MSSP '%s': %s, so Microsoft Graph is off for it: names unknown locally "
                            + "answer 404 and there is no sync", mssp.key(), why),
                    () -> LOG.infof("MSSP '%s': Microsoft Graph on, app %s", mssp.key(),
                            access.of(mssp).orElseThrow().clientId()));
        }
    }

    @Override
    public boolean serves(Mssp mssp) {
        return access.of(mssp).isPresent();
    }

    @Override
    public int readCustomers(Mssp mssp, CustomerList list, Consumer<DirectoryPage> pages) {
        int top = Math.max(1, Math.min(config.pageSize(), MAX_PAGE_SIZE));
        Optional<JsonNode> answer = client.firstPage(mssp, list, top);
        int read = 0;
        while (true) {
            JsonNode body = answer.orElseThrow(() -> new DirectoryUnavailableException(
                    "Graph answered 404 for the " + list.wire() + " list", config.breaker().openFor()));
            read++;
            pages.accept(page(list, body.path("value")));
            Optional<String> next = client.nextLink(body, GraphClient.operation(list));
            if (next.isEmpty()) {
                return read;
            }
            answer = client.nextPage(mssp, list, next.get());
        }
    }

    @Override
    public Optional<DirectoryTenant> tenantOfDomain(Mssp mssp, String domain) {
        // A validated domain holds only [a-z0-9.-]; it is still quoted as an OData literal, so it can never end it.
        String valid = DomainName.parse(domain)
                .orElseThrow(() -> new IllegalArgumentException("not a domain; validate before looking it up"));
        return client.tenantInformation(mssp, valid)
                .flatMap(body -> TenantId.parse(body.path("tenantId").asText(null))
                        .map(id -> new DirectoryTenant(id, body.path("displayName").asText(""))));
    }

    private DirectoryPage page(CustomerList list, JsonNode values) {
        List<DirectoryEntry> entries = new ArrayList<>(values.size());
        int invalid = 0;
        for (JsonNode item : values) {
            Optional<DirectoryEntry> entry = entry(list, item);
            if (entry.isPresent()) {
                entries.add(entry.get());
            } else {
                invalid++;
            }
        }
        if (invalid > 0) {
            LOG.debugf("%d unusable entries in a %s page", invalid, list.wire());
        }
        return new DirectoryPage(entries, invalid);
    }

    /** An entry with a tenant id and a usable display name; a malformed domain is dropped, not the entry. */
    static Optional<DirectoryEntry> entry(CustomerList list, JsonNode item) {
        String idField = list == CustomerList.GDAP ? "tenantId" : "customerId";
        Optional<UUID> tenantId = TenantId.parse(item.path(idField).asText(null))
                .or(() -> list == CustomerList.GDAP ? TenantId.parse(item.path("id").asText(null)) : Optional.empty());
        String displayName = item.path("displayName").asText("").strip();
        if (tenantId.isEmpty() || !validName(displayName)) {
            return Optional.empty();
        }
        String domain = DomainName.parse(item.path("defaultDomainName").asText(null)).orElse(null);
        return Optional.of(new DirectoryEntry(tenantId.get(), displayName, domain, List.of()));
    }

    private static boolean validName(String name) {
        try {
            NameKey.requireValid(name, "displayName");
            return true;
        } catch (ProblemException e) {
            return false;
        }
    }

    @Inject
    CustomerTenantTokens customerTokens;

    /** Pages of a tenant's domains read at most, looking for the initial one (a tenant has a handful). */
    static final int MAX_DOMAIN_PAGES = 10;

    @Override
    public Optional<String> initialDomainOf(Mssp mssp, UUID customerTenant) {
        String token;
        try {
            token = customerTokens.bearer(mssp, customerTenant);
        } catch (CustomerTenantTokens.RefusedException e) {
            throw new DirectoryForbiddenException("customer-token");
        }
        String next = null;
        for (int page = 0; page < MAX_DOMAIN_PAGES; page++) {
            Optional<JsonNode> body = client.customerDomains(mssp, customerTenant, token, next);
            if (body.isEmpty()) {
                return Optional.empty();
            }
            for (JsonNode domain : body.get().path("value")) {
                if (domain.path("isInitial").asBoolean(false)) {
                    // the one Microsoft made; still only a strict <name>.onmicrosoft.com is taken
                    return DomainName.parseInitial(domain.path("id").asText(null));
                }
            }
            Optional<String> link = client.nextLink(body.get(), "customer-domains");
            if (link.isEmpty()) {
                return Optional.empty();
            }
            next = link.get();
        }
        return Optional.empty();
    }

    @Inject
    GraphRelationships relationships;

    @Override
    public Optional<List<DelegatedRelationship>> readRelationships(Mssp mssp) {
        return Optional.of(relationships.read(mssp));
    }
}
