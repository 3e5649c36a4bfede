package io.tenantportal.audit;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * Audit entries as CSV, one row per entry with a header row. A cell that a spreadsheet would run as
 * a formula (starting with =, +, -, @, tab or carriage return) gets a leading apostrophe (OWASP's
 * advice against CSV injection): names and details come from callers.
 */
final class AuditCsv {

    static final String MEDIA_TYPE = "text/csv";

    private static final CsvMapper MAPPER = new CsvMapper();
    private static final CsvSchema SCHEMA = MAPPER.schemaFor(Row.class).withHeader();

    @JsonPropertyOrder({ "at", "kind", "actorType", "actorId", "actorName", "tenantId", "name", "portal", "status",
            "action", "detail" })
    record Row(String at, String kind, String actorType, String actorId, String actorName, String tenantId, String name,
            String portal, Integer status, String action, String detail) {

        static Row of(AuditEntry e) {
            return new Row(e.at().toString(), e.kind(), e.actor().type(),
                    e.actor().id() == null ? null : e.actor().id().toString(), cell(e.actor().name()), e.tenantId(),
                    cell(e.name()), cell(e.portal()), e.status(), cell(e.action()), cell(e.detail()));
        }
    }

    private AuditCsv() {
    }

    static String write(List<AuditEntry> entries) {
        try {
            return MAPPER.writer(SCHEMA).writeValueAsString(entries.stream().map(Row::of).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit entries could not be written as CSV", e);
        }
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
