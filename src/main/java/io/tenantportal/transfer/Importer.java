package io.tenantportal.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.jboss.logging.Logger;

import io.tenantportal.mssp.Actor;
import io.tenantportal.mssp.Mssp;
import io.tenantportal.problem.ProblemException;
import io.tenantportal.tenant.CustomerBatch;
import io.tenantportal.tenant.CustomerDraft;
import io.tenantportal.tenant.CustomerInput;
import io.tenantportal.tenant.CustomerSource;
import io.tenantportal.tenant.PsaRef;
import io.tenantportal.tenant.RefsInput;
import io.tenantportal.tenant.TenantId;

/**
 * POST /import: reads the rows of a CSV or JSON body as they arrive, gives each the constraints of PUT
 * ({@link CustomerInput}) and its normalisation ({@link CustomerDraft#from}), and hands the valid ones to {@link CustomerBatch},
 * which plans and writes them in one transaction. Rows naming the same tenant conflict, all of them.
 */
@ApplicationScoped
class Importer {

    private static final Logger LOG = Logger.getLogger(Importer.class);

    enum Format {
        CSV, JSON
    }

    /**
     * @param addRefs only add the rows' references to existing customers ({@code ?merge=refs})
     */
    record Options(boolean dryRun, boolean partial, boolean addRefs) {
    }

    @Inject
    CustomerBatch batch;

    @Inject
    TransferConfig config;

    @Inject
    Validator validator;

    ImportReport run(Mssp mssp, Actor actor, InputStream body, Format format, Options options) {
        long t0 = System.nanoTime();
        Upload upload = new Upload(body, config.maxBytes().asLongValue());
        Rows rows = new Rows(options, config.maxRows(), validator);
        try {
            if (format == Format.CSV) {
                readCsv(upload, rows, options);
            } else {
                JsonRows.read(upload, (row, element) -> rows.add(row, element.text("tenantId"), element::customer));
            }
        } catch (IOException e) {
            throw upload.failure(e, format.name());
        }
        long read = System.nanoTime();
        CustomerBatch.Write write = options.dryRun() ? CustomerBatch.Write.NOTHING
                : options.partial() ? CustomerBatch.Write.GOOD_ITEMS
                : rows.results.isEmpty() ? CustomerBatch.Write.ALL_OR_NOTHING : CustomerBatch.Write.NOTHING;
        List<CustomerBatch.Item> items = rows.items();
        CustomerBatch.Report written = batch.run(mssp,
                options.addRefs() ? CustomerBatch.Mode.ADD_REFS : CustomerBatch.Mode.REPLACE, items, write, actor);
        for (CustomerBatch.Result r : written.results()) {
            rows.results.put(r.row(), new ImportReport.Row(r.row(), r.tenantId().toString(),
                    r.outcome().name().toLowerCase(Locale.ROOT), r.reason(), r.field(), r.conflicts()));
        }
        List<ImportReport.Row> report = List.copyOf(rows.results.values());
        ImportReport.Counts counts = ImportReport.count(report);
        LOG.infof("import for MSSP '%s'%s: %d rows (%d created, %d updated, %d unchanged, %d invalid, %d in conflict), "
                + "%s; read in %d ms, planned%s in %d ms", mssp.key(), options.dryRun() ? " (dry run)" : "", report.size(),
                counts.created(), counts.updated(), counts.unchanged(), counts.invalid(), counts.conflict(),
                written.written() ? "written" : "nothing written", (read - t0) / 1_000_000,
                written.written() ? ", written and indexed" : "", (System.nanoTime() - read) / 1_000_000);
        return new ImportReport(options.dryRun(), options.partial(), options.addRefs() ? "refs" : null, counts, report);
    }

    private static void readCsv(Upload upload, Rows rows, Options options) throws IOException {
        try (CsvTable table = CsvTable.open(upload)) {
            var columns = CustomerCsv.columns(table.header(), options.addRefs()
                    ? List.of(CustomerCsv.Column.TENANT_ID, CustomerCsv.Column.REFS)
                    : List.of(CustomerCsv.Column.TENANT_ID, CustomerCsv.Column.DISPLAY_NAME));
            for (String[] cells = table.next(); cells != null; cells = table.next()) {
                String[] row = cells;
                rows.add(table.row(), CustomerCsv.cell(row, columns, CustomerCsv.Column.TENANT_ID),
                        () -> CustomerCsv.input(row, columns));
            }
        }
    }

    /** The rows read so far: valid ones as batch items, the others already with their outcome. */
    private static final class Rows {
        private final Options options;
        private final int maxRows;
        private final Validator validator;
        private final Map<Integer, CustomerBatch.Item> valid = new TreeMap<>();
        final Map<Integer, ImportReport.Row> results = new TreeMap<>();
        private final Map<UUID, List<Integer>> rowsOfTenant = new HashMap<>();
        private int count;

        Rows(Options options, int maxRows, Validator validator) {
            this.options = options;
            this.maxRows = maxRows;
            this.validator = validator;
        }

        void add(int row, String tenantIdText, Supplier<CustomerInput> input) {
            if (++count > maxRows) {
                throw Upload.tooManyRows(maxRows);
            }
            UUID tenantId = TenantId.parse(tenantIdText).orElse(null);
            if (tenantId != null) {
                rowsOfTenant.computeIfAbsent(tenantId, t -> new ArrayList<>(1)).add(row);
            }
            try {
                CustomerInput given = input.get();
                if (tenantId == null) {
                    throw ProblemException.invalidField("tenantId", tenantIdText == null || tenantIdText.isBlank()
                            ? "is required" : "must be a tenant id (GUID)");
                }
                valid.put(row, item(row, tenantId, given));
            } catch (ProblemException e) {
                String field = e.extensions().get("errors") instanceof List<?> errors && !errors.isEmpty()
                        && errors.get(0) instanceof ProblemException.FieldError error ? error.field() : null;
                results.put(row, new ImportReport.Row(row, tenantId != null ? tenantId.toString() : shortened(tenantIdText),
                        "invalid", e.detail(), field, null));
            }
        }

        private CustomerBatch.Item item(int row, UUID tenantId, CustomerInput input) {
            if (options.addRefs()) {
                RefsInput refs = valid(new RefsInput(input.refs()));
                return new CustomerBatch.Item(row, new CustomerDraft(tenantId, null, null, null, List.of(), List.of(),
                        PsaRef.normalised(refs.refsOrEmpty()), null, null), null);
            }
            // No source is import; graph (an export says it) is settled by the batch, which knows the customer.
            String source = input.source() == null ? null : input.source().strip().toLowerCase(Locale.ROOT);
            CustomerSource given = source == null || source.isEmpty() ? null : CustomerSource.fromWire(source)
                    .orElseThrow(() -> ProblemException.invalidField("source", "must be manual, import or graph"));
            CustomerInput asPut = new CustomerInput(input.tenantId(), input.displayName(), input.defaultDomain(),
                    input.initialDomain(), input.domains(), input.aliases(), input.refs(),
                    (given == null ? CustomerSource.IMPORT : given).wire(), input.sharepointName());
            return new CustomerBatch.Item(row, CustomerDraft.from(tenantId, valid(asPut)), given);
        }

        /** The body as it is when it passes the constraints of PUT; otherwise their 400, which makes the row invalid. */
        private <T> T valid(T body) {
            Set<ConstraintViolation<T>> violations = validator.validate(body);
            if (!violations.isEmpty()) {
                throw ProblemException.invalid(violations);
            }
            return body;
        }

        /** Valid rows of tenants no other row names; the others become conflicts. */
        List<CustomerBatch.Item> items() {
            rowsOfTenant.forEach((tenantId, rows) -> {
                if (rows.size() < 2) {
                    return;
                }
                for (int row : rows) {
                    if (valid.remove(row) != null) {
                        List<Integer> others = rows.stream().filter(r -> r != row).toList();
                        results.put(row, new ImportReport.Row(row, tenantId.toString(), "conflict",
                                "the tenant id is also in row" + (others.size() == 1 ? " " : "s ")
                                        + String.join(", ", others.stream().map(String::valueOf).toList()),
                                "tenantId", null));
                    }
                }
            });
            return List.copyOf(valid.values());
        }

        private static String shortened(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            String stripped = text.strip();
            return stripped.length() > 100 ? stripped.substring(0, 100) : stripped;
        }
    }
}
