package io.tenantportal.directory;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** What one directory sync of one MSSP did. */
@Entity
@Table(name = "sync_report")
class SyncReport {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "mssp_id", nullable = false, updatable = false)
    long msspId;

    @Column(name = "trigger", nullable = false)
    String trigger;

    @Column(name = "dry_run", nullable = false)
    boolean dryRun;

    @Column(name = "started_at", nullable = false)
    Instant startedAt;

    @Column(name = "finished_at", nullable = false)
    Instant finishedAt;

    @Column(name = "duration_ms", nullable = false)
    long durationMs;

    @Column(name = "outcome", nullable = false)
    String outcome;

    @Column(name = "added", nullable = false)
    int added;

    @Column(name = "updated", nullable = false)
    int updated;

    @Column(name = "gone", nullable = false)
    int gone;

    @Column(name = "unchanged", nullable = false)
    int unchanged;

    @Column(name = "skipped", nullable = false)
    int skipped;

    @Column(name = "pages_read", nullable = false)
    int pagesRead;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "sources", nullable = false)
    String[] sources = new String[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "forbidden", nullable = false)
    String[] forbidden = new String[0];

    @Column(name = "error")
    String error;

    /** How many later syncs failed the same way and were folded into this report. */
    @Column(name = "repeated", nullable = false)
    int repeated;

    @Column(name = "last_repeated_at")
    Instant lastRepeatedAt;

    /** GDAP relationships read after the customer lists; null when they were not read. */
    @Column(name = "relationships")
    Integer relationships;

    /** read, forbidden (403) or unavailable; null for a dry run or a directory without relationships. */
    @Column(name = "relationships_outcome")
    String relationshipsOutcome;
}
