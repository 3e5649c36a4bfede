package io.tenantportal.health;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code GET /health/links}: an MSSP's customers counted per verdict, and whose access ends soon. */
@Schema(name = "LinkHealthReport", example = """
        {"portal": "defender", "counts": {"ok": 118, "expiring": 2, "no-role": 3, "expired": 1, "none": 4,
         "unknown": 0}, "expiringSoon": [{"tenantId": "2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01",
         "displayName": "Contoso Ltd", "endsAt": "2026-12-03T00:00:00Z", "relationship": "Contoso SOC"}],
         "checkedAt": "2026-11-30T03:00:00Z", "failure": null, "failedAt": null}""")
public record LinkHealthReport(
        String portal,
        @Schema(description = "Customers per verdict; all six verdicts are always present") Map<String, Integer> counts,
        @Schema(description = "Customers whose access ends within 30 days without auto-extension, soonest first")
        List<Expiring> expiringSoon,
        @Schema(description = "When Graph was last read successfully; null: never") Instant checkedAt,
        @Schema(description = "How the last read failed: forbidden (403) or unavailable; null when it worked")
        String failure,
        Instant failedAt) {

    public record Expiring(String tenantId, String displayName, Instant endsAt, String relationship) {
    }
}
