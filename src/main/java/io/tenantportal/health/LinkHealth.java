package io.tenantportal.health;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whether a customer's link to one portal will work, as the last read of the MSSP's GDAP relationships says. */
@Schema(name = "LinkHealth", example = """
        {"portal": "defender", "verdict": "expiring", "endsAt": "2026-12-14T00:00:00Z",
         "relationship": "Contoso security operations", "checkedAt": "2026-11-30T03:00:00Z",
         "detail": "Access works now, but the GDAP relationship ends soon and will not extend itself."}""")
public record LinkHealth(
        String portal,
        @Schema(description = "ok, expiring, no-role, expired, none or unknown") String verdict,
        @Schema(description = "When the deciding relationship ends; null when none decides") Instant endsAt,
        @Schema(description = "Display name of the deciding GDAP relationship") String relationship,
        @Schema(description = "When Graph was last read successfully for this MSSP; null: never") Instant checkedAt,
        @Schema(description = "What the verdict means, for people") String detail) {
}
