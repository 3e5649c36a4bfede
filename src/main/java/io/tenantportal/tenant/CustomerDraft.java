package io.tenantportal.tenant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.tenantportal.problem.ProblemException;

/**
 * A customer as a write wants it, normalised: domains in lower case and unique,
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

    /**
     * The draft of a body that passed its constraints ({@link CustomerInput}): domains and aliases
     * normalised, the tenant id of the body checked against the path.
     */
    public static CustomerDraft from(UUID tenantId, CustomerInput input) {
        if (input == null) {
            throw ProblemException.badRequest("A JSON body describing the customer is required.");
        }
        if (input.tenantId() != null && !TenantId.parse(input.tenantId()).map(tenantId::equals).orElse(false)) {
            throw ProblemException.invalidField("tenantId", "must equal the tenant id in the path");
        }
        Map<String, String> aliasesByKey = new LinkedHashMap<>();
        for (String alias : input.aliasesOrEmpty()) {
            aliasesByKey.putIfAbsent(NameKey.exact(alias), alias.strip());
        }
        List<String> domains = input.domainsOrEmpty().stream().map(CustomerDraft::domain).distinct().toList();
        CustomerSource source = input.source() == null ? CustomerSource.MANUAL
                : CustomerSource.fromWire(input.source()).orElseThrow();
        return new CustomerDraft(tenantId, input.displayName().strip(), domain(input.defaultDomain()),
                domain(input.initialDomain()), domains, List.copyOf(aliasesByKey.values()),
                PsaRef.normalised(input.refsOrEmpty()), source,
                input.sharepointName() == null ? null : SharepointName.parse(input.sharepointName()).orElseThrow());
    }

    private static String domain(String valid) {
        return valid == null ? null : DomainName.parse(valid).orElseThrow();
    }

    /** The same customer with another initial domain (one the directory learnt). */
    public CustomerDraft withInitialDomain(String domain) {
        return new CustomerDraft(tenantId, displayName, defaultDomain, domain, domains, aliases, refs, source,
                sharepointName);
    }

    /** "graph" is kept by a PUT of a customer the sync manages (so a GET result can be sent back); never set by one. */
    static ProblemException graphBySyncOnly() {
        return ProblemException.invalidField("source", CustomerSource.PUT_RULE);
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
