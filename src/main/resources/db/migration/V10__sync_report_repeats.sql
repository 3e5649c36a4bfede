-- A failure that repeats (Graph down for hours) is one report with a count, not one row per attempt.
ALTER TABLE sync_report
    ADD COLUMN repeated         INTEGER     NOT NULL DEFAULT 0,
    ADD COLUMN last_repeated_at TIMESTAMPTZ,
    ADD CONSTRAINT sync_report_repeated_not_negative CHECK (repeated >= 0);
