-- A Graph customer that a sync no longer finds is marked, never deleted: old ticket links keep working.
ALTER TABLE customer ADD COLUMN gone_from_directory_at TIMESTAMPTZ;

-- What each directory sync did, per MSSP: the answer of POST /sync and the history behind GET /sync.
CREATE TABLE sync_report (
    id             BIGSERIAL PRIMARY KEY,
    mssp_id        BIGINT      NOT NULL REFERENCES mssp (id),
    trigger        TEXT        NOT NULL,
    dry_run        BOOLEAN     NOT NULL,
    started_at     TIMESTAMPTZ NOT NULL,
    finished_at    TIMESTAMPTZ NOT NULL,
    duration_ms    BIGINT      NOT NULL,
    outcome        TEXT        NOT NULL,
    added          INTEGER     NOT NULL DEFAULT 0,
    updated        INTEGER     NOT NULL DEFAULT 0,
    gone           INTEGER     NOT NULL DEFAULT 0,
    unchanged      INTEGER     NOT NULL DEFAULT 0,
    skipped        INTEGER     NOT NULL DEFAULT 0,
    pages_read     INTEGER     NOT NULL DEFAULT 0,
    sources        TEXT[]      NOT NULL DEFAULT '{}',
    forbidden      TEXT[]      NOT NULL DEFAULT '{}',
    error          TEXT,
    CONSTRAINT sync_report_trigger_known CHECK (trigger IN ('schedule', 'manual', 'miss')),
    CONSTRAINT sync_report_outcome_known CHECK (outcome IN ('succeeded', 'failed'))
);
CREATE INDEX sync_report_by_mssp ON sync_report (mssp_id, started_at DESC, id DESC);
