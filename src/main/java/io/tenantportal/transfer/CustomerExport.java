package io.tenantportal.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.tenantportal.mssp.Mssp;
import io.tenantportal.tenant.CustomerSnapshots;
import io.tenantportal.tenant.CustomerView;
import io.tenantportal.tenant.PsaRef;

/**
 * GET /export: every live customer of an MSSP, written to the response as it comes from the
 * database (see {@link CustomerSnapshots#forEachLive}), so the heap holds a batch of rows, not the
 * whole set. Both formats carry exactly what an import takes, nothing per deployment (no timestamps),
 * so an export imported into an empty MSSP exports the same file again.
 */
@ApplicationScoped
class CustomerExport {

    /** Excel reads a UTF-8 CSV as UTF-8 only when it starts with a byte order mark; the import skips it. */
    private static final byte[] BOM = "\uFEFF".getBytes(StandardCharsets.UTF_8);
    // Flushing after every row would send every customer as a chunk of its own.
    // Quotes only cells that need them (a separator, quote or line break), not Jackson's quicker guess.
    private static final CsvMapper CSV = CsvMapper.builder().disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
    private static final CsvSchema CSV_SCHEMA = CSV.schemaFor(CustomerCsv.Row.class).withHeader();
    private static final JsonMapper JSON = JsonMapper.builder().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE).build();

    /**
     * A customer in the JSON export: the CSV's columns, as the customer JSON writes them, and sharepointName
     * (only in JSON: the CSV columns are fixed).
     */
    @JsonPropertyOrder({ "tenantId", "displayName", "defaultDomain", "initialDomain", "domains", "aliases", "refs", "source",
            "sharepointName" })
    record Customer(String tenantId, String displayName, String defaultDomain, String initialDomain, List<String> domains,
            List<String> aliases, List<PsaRef> refs, String source, String sharepointName) {

        static Customer of(CustomerView c) {
            return new Customer(c.tenantId(), c.displayName(), c.defaultDomain(), c.initialDomain(), c.domains(),
                    c.aliases(), c.refs(), c.source(), c.sharepointName());
        }
    }

    @Inject
    CustomerSnapshots snapshots;

    void csv(Mssp mssp, OutputStream out) throws IOException {
        out.write(BOM);
        try (SequenceWriter rows = CSV.writer(CSV_SCHEMA).writeValues(out)) {
            snapshots.forEachLive(mssp.id(), c -> rows.write(CustomerCsv.Row.of(c)));
        }
    }

    /** A JSON array with one customer per line, so two exports compare well line by line. */
    void json(Mssp mssp, OutputStream out) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.setPrettyPrinter(new OneCustomerPerLine());
            json.writeStartArray();
            snapshots.forEachLive(mssp.id(), c -> JSON.writeValue(json, Customer.of(c)));
            json.writeEndArray();
            json.writeRaw('\n');
        }
    }

    /** Compact JSON, with a line break before each element of the outer array and before its end. */
    private static final class OneCustomerPerLine extends MinimalPrettyPrinter {

        private static boolean outer(JsonGenerator json) {
            return json.getOutputContext().getParent() != null && json.getOutputContext().getParent().inRoot();
        }

        @Override
        public void beforeArrayValues(JsonGenerator json) throws IOException {
            if (outer(json)) {
                json.writeRaw('\n');
            }
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator json) throws IOException {
            json.writeRaw(outer(json) ? ",\n" : ",");
        }

        @Override
        public void writeEndArray(JsonGenerator json, int values) throws IOException {
            if (outer(json) && values > 0) {
                json.writeRaw('\n');
            }
            json.writeRaw(']');
        }
    }
}
