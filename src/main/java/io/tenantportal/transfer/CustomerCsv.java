package io.tenantportal.transfer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.tenantportal.problem.ProblemException;
import io.tenantportal.tenant.CustomerInput;
import io.tenantportal.tenant.CustomerView;
import io.tenantportal.tenant.PsaRef;

/**
 * The customer as one CSV row, the export's columns in this order:
 * {@code tenantId,displayName,defaultDomain,initialDomain,domains,aliases,refs,source}. Lists share
 * one cell (see {@link CsvCells}), a reference is {@code system:id}, an empty cell is no value.
 */
final class CustomerCsv {

    enum Column {
        TENANT_ID("tenantId"), DISPLAY_NAME("displayName"), DEFAULT_DOMAIN("defaultDomain"),
        INITIAL_DOMAIN("initialDomain"), DOMAINS("domains"), ALIASES("aliases"), REFS("refs"), SOURCE("source");

        final String header;

        Column(String header) {
            this.header = header;
        }
    }

    static final String HEADER = Arrays.stream(Column.values()).map(c -> c.header).collect(Collectors.joining(","));

    /** One exported row; the property order is the column order. */
    @JsonPropertyOrder({ "tenantId", "displayName", "defaultDomain", "initialDomain", "domains", "aliases", "refs", "source" })
    record Row(String tenantId, String displayName, String defaultDomain, String initialDomain, String domains,
            String aliases, String refs, String source) {

        static Row of(CustomerView c) {
            return new Row(cell(c.tenantId()), cell(c.displayName()), cell(c.defaultDomain()), cell(c.initialDomain()),
                    cell(CsvCells.joined(c.domains())), cell(CsvCells.joined(c.aliases())),
                    cell(CsvCells.joined(c.refs().stream().map(PsaRef::toString).toList())), cell(c.source()));
        }

        /** Every cell is neutralised alike; only names can start like a formula, but the rule is simpler so. */
        private static String cell(String value) {
            return CsvCells.neutralised(value);
        }
    }

    private CustomerCsv() {
    }

    /**
     * Where each known column sits in the file's header (names in any case); a column with an empty
     * name is ignored.
     *
     * @throws ProblemException 400 for an unknown or repeated column, or a required one missing
     */
    static Map<Column, Integer> columns(List<String> header, List<Column> required) {
        Map<Column, Integer> at = new EnumMap<>(Column.class);
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (name.isEmpty()) {
                continue;
            }
            Column column = Arrays.stream(Column.values()).filter(c -> c.header.toLowerCase(Locale.ROOT).equals(name))
                    .findFirst().orElse(null);
            if (column == null) {
                unknown.add(Problems.quoted(name));
            } else if (at.put(column, i) != null) {
                throw Upload.invalid("The header names the column " + column.header + " twice.");
            }
        }
        if (!unknown.isEmpty()) {
            throw Upload.invalid("Unknown column" + (unknown.size() == 1 ? " " : "s ") + String.join(", ", unknown)
                    + "; the columns are " + HEADER + " (any order, any case).");
        }
        List<String> missing = required.stream().filter(c -> !at.containsKey(c)).map(c -> c.header).toList();
        if (!missing.isEmpty()) {
            throw Upload.invalid("The header lacks the column" + (missing.size() == 1 ? " " : "s ")
                    + String.join(", ", missing) + "; the columns are " + HEADER + " (any order, any case).");
        }
        return at;
    }

    /** The cell of a column, restored (see {@link CsvCells#restored}); null when absent or empty. */
    static String cell(String[] cells, Map<Column, Integer> at, Column column) {
        Integer index = at.get(column);
        if (index == null || index >= cells.length || cells[index].isEmpty()) {
            return null;
        }
        return CsvCells.restored(cells[index]);
    }

    /**
     * The row as a PUT body with its tenant id.
     *
     * @throws ProblemException 400 naming the field when a reference is not {@code system:id}
     */
    static CustomerInput input(String[] cells, Map<Column, Integer> at) {
        return new CustomerInput(cell(cells, at, Column.TENANT_ID), cell(cells, at, Column.DISPLAY_NAME),
                cell(cells, at, Column.DEFAULT_DOMAIN), cell(cells, at, Column.INITIAL_DOMAIN),
                CsvCells.split(cell(cells, at, Column.DOMAINS)), CsvCells.split(cell(cells, at, Column.ALIASES)),
                refs(cell(cells, at, Column.REFS)), cell(cells, at, Column.SOURCE), null);
    }

    private static List<PsaRef> refs(String cell) {
        List<String> items = CsvCells.split(cell);
        List<PsaRef> refs = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i);
            int colon = item.indexOf(':');
            if (colon <= 0) {
                throw ProblemException.invalidField("refs[" + i + "]", "must be system:id, e.g. halopsa:12");
            }
            refs.add(new PsaRef(item.substring(0, colon), item.substring(colon + 1)));
        }
        return refs;
    }
}
