package io.tenantportal.transfer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.tenantportal.mssp.Mssp;
import io.tenantportal.tenant.CustomerView;
import io.tenantportal.tenant.DomainName;
import io.tenantportal.tenant.NameIndex;
import io.tenantportal.tenant.NameKey;
import io.tenantportal.tenant.PsaRef;
import io.tenantportal.transfer.Matching.Ambiguous;
import io.tenantportal.transfer.Matching.Candidate;
import io.tenantportal.transfer.Matching.Company;
import io.tenantportal.transfer.Matching.Proposal;

/**
 * Proposes which customer each PSA company is, from the in-memory {@link NameIndex} (no database
 * round trip per company). Evidence, strongest first; the first kind that finds anything decides:
 * <ol>
 * <li>{@code domain} (score 1.0): a domain of the company is a domain of a customer;</li>
 * <li>{@code name} (0.95): the company's name has the exact key of a customer's name or alias;</li>
 * <li>{@code loose-name} (0.85): its loose key (punctuation and legal suffixes dropped);</li>
 * <li>{@code similar-name} (the trigram similarity, at most 0.8, never certain): only from 0.5 up.</li>
 * </ol>
 * Several customers with the best evidence make the company ambiguous, and so do several companies
 * whose best match is one customer with the same score (with a better score one of them keeps it).
 */
@ApplicationScoped
class CompanyMatcher {

    static final double NAME_SCORE = 0.95;
    static final double LOOSE_NAME_SCORE = 0.85;
    static final double MAX_SIMILAR_SCORE = 0.8;
    static final double MIN_SIMILARITY = 0.5;
    private static final int SIMILAR_CANDIDATES = 5;

    @Inject
    NameIndex index;

    /** Companies already validated; matching writes nothing. */
    Matching.Report match(Mssp mssp, List<Company> companies) {
        List<Matching.Mapped> mapped = new ArrayList<>();
        List<Company> unmatched = new ArrayList<>();
        Map<Integer, Ambiguous> ambiguous = new LinkedHashMap<>();
        Map<Integer, Candidate> single = new LinkedHashMap<>();
        for (int i = 0; i < companies.size(); i++) {
            Company company = companies.get(i);
            Optional<CustomerView> holder = index.customerWithRef(mssp.id(), new PsaRef(company.system(), company.id()));
            if (holder.isPresent()) {
                mapped.add(new Matching.Mapped(company, holder.get().tenantId(), holder.get().displayName()));
                continue;
            }
            List<Candidate> candidates = evidence(mssp.id(), company);
            if (candidates.isEmpty()) {
                unmatched.add(company);
            } else if (candidates.size() == 1) {
                single.put(i, candidates.get(0));
            } else {
                ambiguous.put(i, new Ambiguous(company, candidates, candidates.size() + " customers match equally well"));
            }
        }
        Map<Integer, Proposal> proposals = new LinkedHashMap<>();
        Map<String, List<Integer>> byCustomer = new LinkedHashMap<>();
        single.forEach((i, c) -> byCustomer.computeIfAbsent(c.tenantId(), t -> new ArrayList<>()).add(i));
        byCustomer.forEach((tenantId, rivals) -> {
            double best = rivals.stream().mapToDouble(i -> single.get(i).score()).max().orElseThrow();
            List<Integer> winners = rivals.stream().filter(i -> single.get(i).score() == best).toList();
            for (int i : rivals) {
                Candidate candidate = single.get(i);
                if (winners.size() == 1 && winners.get(0) == i) {
                    proposals.put(i, Proposal.of(companies.get(i), candidate));
                    continue;
                }
                List<String> others = rivals.stream().filter(o -> o != i).map(o -> describe(companies.get(o))).toList();
                ambiguous.put(i, new Ambiguous(companies.get(i), List.of(candidate), (winners.contains(i)
                        ? "matches this customer as well as " : "matches this customer less well than ")
                        + String.join(", ", winners.contains(i) ? others : winners.stream().map(o -> describe(companies.get(o))).toList())));
            }
        });
        return new Matching.Report(inOrder(proposals), inOrder(ambiguous), unmatched, mapped);
    }

    private static <T> List<T> inOrder(Map<Integer, T> byIndex) {
        return byIndex.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList();
    }

    private static String describe(Company company) {
        return company.system() + ":" + company.id() + " (" + company.name() + ")";
    }

    /** The customers the strongest kind of evidence finds, all with the same reason and score. */
    private List<Candidate> evidence(long msspId, Company company) {
        Map<String, CustomerView> byDomain = new LinkedHashMap<>();
        for (String domain : company.domains()) {
            for (String variant : List.of(domain, domain.startsWith("www.") ? domain.substring(4) : domain)) {
                index.customerNamed(msspId, variant).filter(c -> holdsDomain(c, variant))
                        .ifPresent(c -> byDomain.putIfAbsent(c.tenantId(), c));
            }
        }
        if (!byDomain.isEmpty()) {
            return byDomain.values().stream().sorted(CompanyMatcher::byDisplayName)
                    .map(c -> candidate(c, "domain", 1.0, true)).toList();
        }
        String key = NameKey.exact(company.name());
        Optional<CustomerView> named = index.customerNamed(msspId, key);
        if (named.isPresent()) {
            return List.of(candidate(named.get(), "name", NAME_SCORE, true));
        }
        String loose = NameKey.loose(company.name());
        List<CustomerView> looselyNamed = loose.isEmpty() ? List.of() : index.customersLooselyNamed(msspId, loose);
        if (!looselyNamed.isEmpty()) {
            return looselyNamed.stream().map(c -> candidate(c, "loose-name", LOOSE_NAME_SCORE, true)).toList();
        }
        List<NameIndex.SimilarCustomer> similar = index.similarCustomers(msspId, key, SIMILAR_CANDIDATES);
        if (similar.isEmpty() || rounded(similar.get(0).similarity()) < MIN_SIMILARITY) {
            return List.of();
        }
        double best = rounded(similar.get(0).similarity());
        return similar.stream().filter(s -> rounded(s.similarity()) == best)
                .map(s -> candidate(s.customer(), "similar-name", Math.min(MAX_SIMILAR_SCORE, best), false)).toList();
    }

    private static boolean holdsDomain(CustomerView customer, String domain) {
        return domain.equals(customer.defaultDomain()) || domain.equals(customer.initialDomain())
                || customer.domains().contains(domain);
    }

    private static Candidate candidate(CustomerView c, String reason, double score, boolean certain) {
        return new Candidate(c.tenantId(), c.displayName(), reason, score, certain);
    }

    /** Scores are compared and shown to two decimals: 0.636 and 0.64 are equally good. */
    private static double rounded(double score) {
        return Math.round(score * 100) / 100.0;
    }

    private static int byDisplayName(CustomerView a, CustomerView b) {
        int byName = a.displayName().toLowerCase(Locale.ROOT).compareTo(b.displayName().toLowerCase(Locale.ROOT));
        return byName != 0 ? byName : a.tenantId().compareTo(b.tenantId());
    }

    /**
     * The domain a company's domain, e-mail address or web site stands for, lower case; empty when
     * it is none (PSA web site fields hold anything from "contoso.com" to "n/a").
     */
    static Optional<String> domainOf(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String host = text.strip().toLowerCase(Locale.ROOT);
        int scheme = host.indexOf("://");
        if (scheme >= 0) {
            host = host.substring(scheme + 3);
        }
        host = cutAt(host, "/?#");
        host = host.substring(host.lastIndexOf('@') + 1);
        return DomainName.parse(cutAt(host, ":"));
    }

    private static String cutAt(String text, String ends) {
        for (int i = 0; i < text.length(); i++) {
            if (ends.indexOf(text.charAt(i)) >= 0) {
                return text.substring(0, i);
            }
        }
        return text;
    }
}
