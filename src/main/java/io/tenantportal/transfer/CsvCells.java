package io.tenantportal.transfer;

import java.util.ArrayList;
import java.util.List;

/**
 * How values sit in the cells of the export's CSV, both ways, so that an import of an export is exact.
 *
 * <p><b>Formulas.</b> A spreadsheet runs a cell that starts with {@code = + - @}, tab or carriage return
 * as a formula (CSV injection, OWASP). The export puts an apostrophe before such a cell. To keep that
 * reversible it also doubles a leading apostrophe that is followed by one of those characters or by
 * another apostrophe. The import drops one leading apostrophe only when a formula character or another
 * apostrophe follows it, so {@code '=1+1} imports as {@code =1+1}, while a name that really starts with
 * an apostrophe ({@code 's-Hertogenbosch Bakery}) stays as it is.
 *
 * <p><b>Lists.</b> Domains, aliases and references share one cell each, separated by {@code ;}. A
 * {@code ;} or {@code \} inside an item is written as {@code \;} or {@code \\}; any other backslash is
 * taken literally. Items are trimmed and empty items ignored (names are trimmed anyway).
 */
final class CsvCells {

    static final char LIST_SEPARATOR = ';';
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvCells() {
    }

    /** The cell as the export writes it: a would-be formula gets a leading apostrophe. */
    static String neutralised(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        boolean formula = FORMULA_STARTS.indexOf(value.charAt(0)) >= 0;
        boolean looksNeutralised = value.length() > 1 && value.charAt(0) == '\''
                && (FORMULA_STARTS.indexOf(value.charAt(1)) >= 0 || value.charAt(1) == '\'');
        return formula || looksNeutralised ? "'" + value : value;
    }

    /** The value of a cell as the import reads it: the apostrophe {@link #neutralised} added is dropped. */
    static String restored(String cell) {
        if (cell != null && cell.length() > 1 && cell.charAt(0) == '\''
                && (FORMULA_STARTS.indexOf(cell.charAt(1)) >= 0 || cell.charAt(1) == '\'')) {
            return cell.substring(1);
        }
        return cell;
    }

    static String joined(List<String> items) {
        StringBuilder cell = new StringBuilder();
        for (String item : items) {
            if (cell.length() > 0) {
                cell.append(LIST_SEPARATOR);
            }
            for (int i = 0; i < item.length(); i++) {
                char c = item.charAt(i);
                if (c == LIST_SEPARATOR || c == '\\') {
                    cell.append('\\');
                }
                cell.append(c);
            }
        }
        return cell.toString();
    }

    static List<String> split(String cell) {
        List<String> items = new ArrayList<>();
        if (cell == null) {
            return items;
        }
        StringBuilder item = new StringBuilder();
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == '\\' && i + 1 < cell.length() && (cell.charAt(i + 1) == LIST_SEPARATOR || cell.charAt(i + 1) == '\\')) {
                item.append(cell.charAt(++i));
            } else if (c == LIST_SEPARATOR) {
                add(items, item);
            } else {
                item.append(c);
            }
        }
        add(items, item);
        return items;
    }

    private static void add(List<String> items, StringBuilder item) {
        String value = item.toString().strip();
        if (!value.isEmpty()) {
            items.add(value);
        }
        item.setLength(0);
    }
}
