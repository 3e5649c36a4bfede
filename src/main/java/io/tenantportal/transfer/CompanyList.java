package io.tenantportal.transfer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.tenantportal.problem.ProblemException;
import io.tenantportal.tenant.CustomerInput;
import io.tenantportal.tenant.NameKey;
import io.tenantportal.tenant.PsaRef;
import io.tenantportal.transfer.Matching.Company;

/**
 * The companies of a POST /import/match body, validated: JSON {@code {"companies": [...]}} or a PSA's
 * own CSV export, whose columns for id, name and domains are named by query parameters (any other
 * column is ignored). At most {@code max} companies, each reference once.
 */
final class CompanyList {

    /** The query parameters that name a CSV's columns, with their defaults. */
    record Columns(String system, String id, String name, String domains) {
    }

    private static final Pattern DOMAIN_SEPARATORS = Pattern.compile("[;,\\s]+");

    private final String defaultSystem;
    private final int max;
    private final List<Company> companies = new ArrayList<>();
    private final Map<PsaRef, String> seen = new HashMap<>();

    private CompanyList(String defaultSystem, int max) {
        this.defaultSystem = defaultSystem == null || defaultSystem.isBlank() ? null : defaultSystem;
        this.max = max;
    }

    static List<Company> json(Upload body, String defaultSystem, int max) throws IOException {
        CompanyList list = new CompanyList(defaultSystem, max);
        JsonRows.readMember(body, "companies", (row, element) -> {
            String field = "companies[" + (row - 1) + "]";
            Company company = element.as(Company.class, "a company, {\"system\": ..., \"id\": ..., \"name\": ..., \"domains\": [...]}");
            list.add(field, company.system(), company.id(), company.name(),
                    company.domains() == null ? List.of() : company.domains());
        });
        return list.companies;
    }

    static List<Company> csv(Upload body, String defaultSystem, Columns names, int max) throws IOException {
        CompanyList list = new CompanyList(defaultSystem, max);
        try (CsvTable table = CsvTable.open(body)) {
            Integer system = column(table, names.system(), "systemColumn", false);
            int id = column(table, names.id(), "idColumn", true);
            int name = column(table, names.name(), "nameColumn", true);
            Integer domains = column(table, names.domains(), "domainsColumn", false);
            for (String[] cells = table.next(); cells != null; cells = table.next()) {
                String domainCell = cellOf(cells, domains);
                list.add("row " + table.row(), cellOf(cells, system), cellOf(cells, id), cellOf(cells, name),
                        domainCell == null ? List.of() : List.of(DOMAIN_SEPARATORS.split(domainCell)));
            }
        }
        return list.companies;
    }

    private static Integer column(CsvTable table, String name, String parameter, boolean required) {
        int at = table.header().indexOf(name.strip().toLowerCase(Locale.ROOT));
        if (at >= 0) {
            return at;
        }
        if (required) {
            throw Upload.invalid("The header has no column " + Problems.quoted(name) + "; name the column with ?"
                    + parameter + "= (the header has " + String.join(", ", table.header().stream().map(Problems::quoted).toList()) + ").");
        }
        return null;
    }

    private static String cellOf(String[] cells, Integer at) {
        return at == null || at >= cells.length || cells[at].isBlank() ? null : CsvCells.restored(cells[at].strip());
    }

    // Checked as the file streams, not by constraints: the companies never form one request record.
    private void add(String field, String system, String id, String name, List<String> domainTexts) {
        if (companies.size() == max) {
            throw ProblemException.invalidField("companies", "must hold at most " + max + " companies per call");
        }
        String systemName = system != null ? system : defaultSystem;
        if (systemName == null) {
            throw ProblemException.invalidField(field + ".system",
                    "is required: give each company a system, or the query parameter ?system=");
        }
        PsaRef ref = PsaRef.of(systemName, id, field);
        String previous = seen.putIfAbsent(ref, field);
        if (previous != null) {
            throw ProblemException.invalidField(field, ref + " is listed twice (also " + previous + ")");
        }
        String validName = NameKey.requireValid(name, field + ".name").strip();
        if (domainTexts.size() > CustomerInput.MAX_DOMAINS) {
            throw ProblemException.invalidField(field + ".domains", "must hold at most " + CustomerInput.MAX_DOMAINS);
        }
        Set<String> domains = new LinkedHashSet<>();
        for (String text : domainTexts) {
            CompanyMatcher.domainOf(text).ifPresent(domains::add);
        }
        companies.add(new Company(ref.system(), ref.id(), validName, List.copyOf(domains)));
    }
}
