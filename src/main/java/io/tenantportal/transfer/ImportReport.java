package io.tenantportal.transfer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tenantportal.tenant.CustomerBatch;

/**
 * What an import did, or would do, to each row. {@code row} is the row number a spreadsheet shows
 * for CSV (the header is row 1) and the array index plus one for JSON.
 */
@Schema(name = "ImportReport", example = """
        {"dryRun": false, "partial": false, "counts": {"created": 1, "updated": 0, "unchanged": 0, "invalid": 1, "conflict": 0},
         "rows": [{"row": 2, "tenantId": "2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01", "outcome": "created"},
                  {"row": 3, "tenantId": "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e", "outcome": "invalid",
                   "reason": "domains[0]: is not a domain name", "field": "domains[0]"}]}""")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportReport(boolean dryRun, boolean partial, @Schema(description = "refs when only references were added")
        String merge, Counts counts, List<Row> rows) {

    public record Counts(int created, int updated, int unchanged, int invalid, int conflict) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(int row, String tenantId,
            @Schema(description = "created, updated, unchanged, invalid or conflict") String outcome,
            @Schema(description = "why the row is invalid or in conflict; for updated rows, what changes") String reason,
            @Schema(description = "the column or member at fault, e.g. aliases or domains[1]") String field,
            @Schema(description = "for conflicts: who holds the name or reference; row when another row of the file claims it")
            List<CustomerBatch.Conflict> conflicts) {
    }

    static Counts count(List<Row> rows) {
        Map<String, Integer> n = new LinkedHashMap<>();
        rows.forEach(r -> n.merge(r.outcome(), 1, Integer::sum));
        return new Counts(n.getOrDefault("created", 0), n.getOrDefault("updated", 0), n.getOrDefault("unchanged", 0),
                n.getOrDefault("invalid", 0), n.getOrDefault("conflict", 0));
    }

    boolean failed() {
        return counts.invalid() + counts.conflict() > 0;
    }

    /** The report as the members of a 422 problem. */
    Map<String, Object> members() {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("dryRun", dryRun);
        members.put("partial", partial);
        if (merge != null) {
            members.put("merge", merge);
        }
        members.put("counts", counts);
        members.put("rows", rows);
        return members;
    }
}
