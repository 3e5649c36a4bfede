package io.tenantportal.tenant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.tenantportal.problem.ProblemException;

/**
 * A customer as a write wants it, validated and normalised: domains in lower case and unique,
 * aliases unique by name key, and the full set of names that will reach the customer.
 */
public record CustomerDraft(
        UUID tenantId,
        String displayName,
        String defaultDomain,
        String initialDomain,
        List<String> domains,
        List<String> aliases,
        List<PsaRef> refs,
        CustomerSource source,
        String sharepointName) {

    /** One name that should reach the customer. */
    public record DesiredName(NameKind kind, String name, String looseKey) {
    }

    public static CustomerDraft from(UUID tenantId, CustomerInput input) {
        if (input == null) {
            throw ProblemException.badRequest("A JSON body describing the customer is required.");
        }
        if (input.tenantId() != null && !TenantId.parse(input.tenantId()).map(tenantId::equals).orElse(false)) {
            throw ProblemException.invalidField("tenantId", "must equal the tenant id in the path");
        }
        String displayName = NameKey.requireValid(input.displayName(), "displayName").strip();
        String defaultDomain = input.defaultDomain() == null ? null
                : DomainName.parse(input.defaultDomain()).orElseThrow(
                        () -> ProblemException.invalidField("defaultDomain", "is not a domain name"));
        String initialDomain = input.initialDomain() == null ? null
                : DomainName.parseInitial(input.initialDomain()).orElseThrow(
                        () -> ProblemException.invalidField("initialDomain", "must be a <name>.onmicrosoft.com domain"));

        Set<String> domains = new LinkedHashSet<>();
        List<String> domainInput = input.domainsOrEmpty();
        if (domainInput.size() > CustomerInput.MAX_DOMAINS) {
            throw ProblemException.invalidField("domains", "must hold at most " + CustomerInput.MAX_DOMAINS + " domains");
        }
        for (int i = 0; i < domainInput.size(); i++) {
            String field = "domains[" + i + "]";
            domains.add(DomainName.parse(domainInput.get(i))
                    .orElseThrow(() -> ProblemException.invalidField(field, "is not a domain name")));
        }

        Map<String, String> aliasesByKey = new LinkedHashMap<>();
        List<String> aliasInput = input.aliasesOrEmpty();
        if (aliasInput.size() > CustomerInput.MAX_ALIASES) {
            throw ProblemException.invalidField("aliases", "must hold at most " + CustomerInput.MAX_ALIASES + " aliases");
        }
        for (int i = 0; i < aliasInput.size(); i++) {
            String alias = NameKey.requireValid(aliasInput.get(i), "aliases[" + i + "]").strip();
            aliasesByKey.putIfAbsent(NameKey.exact(alias), alias);
        }

        List<PsaRef> refs = PsaRef.validList(input.refsOrEmpty(), "refs");

        CustomerSource source = input.source() == null ? CustomerSource.MANUAL
                : CustomerSource.fromWire(input.source()).orElseThrow(CustomerDraft::graphBySyncOnly);

        String sharepointName = input.sharepointName() == null ? null
                : SharepointName.parse(input.sharepointName()).orElseThrow(() -> ProblemException.invalidField(
                        "sharepointName", "must be 1-57 letters and digits, as in <name>-admin.sharepoint.com"));

        return new CustomerDraft(tenantId, displayName, defaultDomain, initialDomain, List.copyOf(domains),
                List.copyOf(aliasesByKey.values()), refs, source, sharepointName);
    }

    /** The same customer with another initial domain (one the directory learnt). */
    public CustomerDraft withInitialDomain(String domain) {
        return new CustomerDraft(tenantId, displayName, defaultDomain, domain, domains, aliases, refs, source,
                sharepointName);
    }

    /** "graph" is kept by a PUT of a customer the sync manages (so a GET result can be sent back); never set by one. */
    static ProblemException graphBySyncOnly() {
        return ProblemException.invalidField("source", "must be manual or import; graph is set by sync only");
    }

    /** Every name that should reach the customer, by exact key; the first kind wins a shared key. */
    public Map<String, DesiredName> names() {
        Map<String, DesiredName> names = new LinkedHashMap<>();
        names.put(NameKey.exact(displayName), new DesiredName(NameKind.DISPLAY_NAME, displayName,
                NameKey.loose(displayName)));
        List<String> allDomains = new ArrayList<>();
        if (defaultDomain != null) {
            allDomains.add(defaultDomain);
        }
        if (initialDomain != null) {
            allDomains.add(initialDomain);
        }
        allDomains.addAll(domains);
        for (String domain : allDomains) {
            names.putIfAbsent(domain, new DesiredName(NameKind.DOMAIN, domain, null));
        }
        for (String alias : aliases) {
            names.putIfAbsent(NameKey.exact(alias), new DesiredName(NameKind.ALIAS, alias, NameKey.loose(alias)));
        }
        return names;
    }
}
