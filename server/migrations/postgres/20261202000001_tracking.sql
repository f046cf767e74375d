-- Tracking: each step of a dossier's life as the citizen reads it, and the day its work ended.

-- One row per status a dossier entered, numbered 1, 2, 3 ... within the dossier (`seq`), the
-- order in which they happened. `at` is Unix seconds; `office` is who did it; `note` is what the
-- citizen should read.
CREATE TABLE dossier_events (
    id TEXT PRIMARY KEY NOT NULL,
    dossier_id TEXT NOT NULL REFERENCES dossiers (id),
    seq INTEGER NOT NULL,
    at BIGINT NOT NULL,
    status TEXT NOT NULL,
    office TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    UNIQUE (dossier_id, seq)
);

-- The Vietnamese date (`yyyy-mm-dd`) the dossier entered a finished status (done, returned,
-- refused, withdrawn); NULL while the office is still at work.
ALTER TABLE dossiers ADD COLUMN finished_on TEXT;

-- Dossiers filed before this migration get their first step (filing never changed their status).
INSERT INTO dossier_events (id, dossier_id, seq, at, status, office, note)
SELECT id, id, 1, submitted_at, 'submitted', COALESCE(procedure_snapshot::json ->> 'agency', ''),
       'Hồ sơ đã được nộp trực tuyến và đang chờ bộ phận một cửa tiếp nhận.'
FROM dossiers;
