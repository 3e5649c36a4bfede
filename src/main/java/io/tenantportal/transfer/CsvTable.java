package io.tenantportal.transfer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * An uploaded CSV file read row by row with Jackson's CSV parser (RFC 4180 quoting, quoted line
 * breaks): strict UTF-8 with or without a byte order mark, comma or semicolon as the separator, a
 * header row first. Rows are numbered as a spreadsheet shows them (the header is row 1; a cell with
 * a line break does not start a new row). Blank rows are skipped but counted. A cell longer than
 * {@value #MAX_CELL_CHARS} characters, or a row with more cells than the header, ends the read with
 * 400 before the rest of the row is held in memory.
 */
final class CsvTable implements AutoCloseable {

    /** Longer than any legitimate cell (200 domains of 253 characters come to about 51,000). */
    static final int MAX_CELL_CHARS = 100_000;
    private static final int MAX_HEADER_CHARS = 4_096;
    private static final CsvFactory FACTORY = CsvFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_CELL_CHARS).build())
            .build();

    private final CsvParser parser;
    private List<String> header = List.of();
    private int row;

    private CsvTable(CsvParser parser) {
        this.parser = parser;
    }

    /**
     * Opens the body and reads its header row.
     *
     * @throws IOException as the body fails (see {@link Upload#failure})
     */
    static CsvTable open(InputStream body) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        char separator = separatorOf(reader);
        CsvParser parser = FACTORY.createParser(reader);
        parser.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(separator));
        CsvTable table = new CsvTable(parser);
        String[] names = parser.nextToken() == JsonToken.START_ARRAY ? table.cells(MAX_HEADER_CHARS) : null;
        if (names == null) {
            throw Upload.invalid("The body is empty; a CSV file starts with its header row.");
        }
        if (isBlank(names)) {
            throw Upload.invalid("The first row must be the header row (column names).");
        }
        List<String> header = new ArrayList<>();
        for (String name : names) {
            header.add(name.strip().toLowerCase(Locale.ROOT));
        }
        table.header = List.copyOf(header);
        return table;
    }

    /**
     * Spreadsheets write comma- or semicolon-separated files depending on the locale; the header row
     * (plain column names) says which. Jackson needs the separator before it parses, hence this look
     * at the raw first line: whichever of the two occurs more often, outside double quotes, wins.
     */
    private static char separatorOf(BufferedReader reader) throws IOException {
        reader.mark(MAX_HEADER_CHARS + 1);
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = 0; i <= MAX_HEADER_CHARS; i++) {
            int c = reader.read();
            if (c < 0 || (!quoted && (c == '\n' || c == '\r'))) {
                reader.reset();
                return semicolons > commas ? ';' : ',';
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        throw Upload.invalid("The first row (the header) is longer than " + MAX_HEADER_CHARS + " characters.");
    }

    /** Column names as written, trimmed and in lower case; an empty name marks a column to ignore. */
    List<String> header() {
        return header;
    }

    /** The row number of the row {@link #next} returned last. */
    int row() {
        return row;
    }

    /** The next row that is not blank (at most as many cells as the header), or null at the end. */
    String[] next() throws IOException {
        while (true) {
            String[] cells = cells(header.size());
            if (cells == null || !isBlank(cells)) {
                return cells;
            }
        }
    }

    private String[] cells(int maxCells) throws IOException {
        JsonToken token = parser.nextToken();
        if (token != JsonToken.START_ARRAY) {
            return null;
        }
        row++;
        List<String> cells = new ArrayList<>();
        while ((token = parser.nextToken()) == JsonToken.VALUE_STRING) {
            if (cells.size() == maxCells) {
                throw Upload.invalid(row == 1 ? "The header row has more than " + maxCells + " columns."
                        : "Row " + row + " has more cells than the header has columns (" + maxCells + ").");
            }
            cells.add(parser.getText());
        }
        return cells.toArray(String[]::new);
    }

    private static boolean isBlank(String[] cells) {
        for (String cell : cells) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
