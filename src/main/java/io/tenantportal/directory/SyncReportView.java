package io.tenantportal.directory;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A sync report as the API shows it. Counts are customers, except {@code skipped}: names and entries. */
@Schema(name = "SyncReport", example = """
        {"id": 12, "trigger": "manual", "dryRun": false, "outcome": "succeeded",
         "startedAt": "2026-11-27T10:00:00Z", "finishedAt": "2026-11-27T10:00:02Z", "durationMs": 2140,
         "added": 3, "updated": 1, "gone": 0, "unchanged": 118, "skipped": 0, "pagesRead": 2,
         "sources": ["gdap", "contracts"], "forbidden": [], "error": null, "repeated": 0,
         "lastRepeatedAt": null, "relationships": 121, "relationshipsOutcome": "read"}""")
public record SyncReportView(
        long id,
        @Schema(description = "schedule, manual (POST /sync) or miss (a name unknown locally)") String trigger,
        @Schema(description = "true: the report says what a sync would change; nothing was changed") boolean dryRun,
        @Schema(description = "succeeded or failed") String outcome,
        Instant startedAt,
        Instant finishedAt,
        long durationMs,
        int added,
        @Schema(description = "renamed (the old name stays an alias), domains changed, or listed again") int updated,
        @Schema(description = "Graph customers no longer listed; marked, never deleted") int gone,
        int unchanged,
        @Schema(description = "names already reaching another customer, and unusable list entries") int skipped,
        int pagesRead,
        @Schema(description = "the customer lists that answered: gdap, contracts") List<String> sources,
        @Schema(description = "the customer lists Graph refused (403) to this MSSP's app") List<String> forbidden,
        String error,
        @Schema(description = "later syncs that failed the same way, folded into this report") int repeated,
        @Schema(description = "when the last of those failed") Instant lastRepeatedAt,
        @Schema(description = "GDAP relationships read for link health; null when not read") Integer relationships,
        @Schema(description = "how reading the GDAP relationships went: read, forbidden (403: the permission "
                + "DelegatedAdminRelationship.Read.All is missing, link health is unknown) or unavailable (the "
                + "last read is kept); null for a dry run") String relationshipsOutcome) {

    static SyncReportView of(SyncReport r) {
        return new SyncReportView(r.id, r.trigger, r.dryRun, r.outcome, r.startedAt, r.finishedAt, r.durationMs,
                r.added, r.updated, r.gone, r.unchanged, r.skipped, r.pagesRead, List.of(r.sources),
                List.of(r.forbidden), r.error, r.repeated, r.lastRepeatedAt, r.relationships,
                r.relationshipsOutcome);
    }
}
