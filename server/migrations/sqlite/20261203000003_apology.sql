-- Apology letters for overdue dossiers, and what the public figures count by.

-- The agency that decides the dossier's procedure, as filed, so the public figures group by it
-- without reading the procedure snapshot. Dossiers filed before this migration take it from
-- their snapshot.
ALTER TABLE dossiers ADD COLUMN agency TEXT NOT NULL DEFAULT '';
UPDATE dossiers SET agency = COALESCE(json_extract(procedure_snapshot, '$.agency'), '');

-- The public figures select the dossiers received in a period.
CREATE INDEX dossiers_received_on ON dossiers (received_on);

-- Phiếu xin lỗi và hẹn lại ngày trả kết quả. The overdue watch inserts a row when a dossier
-- passes its current promise unfinished (`needed_since`, Unix seconds); the office later writes
-- it: `reason`, `new_date` (yyyy-mm-dd), `written_at` (Unix seconds) and `written_by` (staff
-- id) are NULL until then. `number` counts the dossier's letters from 1; the unique key keeps two
-- watches running at once from owing the same letter twice. `missed_date` is the promise that
-- was missed; `office` the agency that apologises.
CREATE TABLE apology_letters (
    id TEXT PRIMARY KEY NOT NULL,
    dossier_id TEXT NOT NULL REFERENCES dossiers (id),
    number INTEGER NOT NULL,
    missed_date TEXT NOT NULL,
    needed_since BIGINT NOT NULL,
    reason TEXT,
    new_date TEXT,
    office TEXT NOT NULL,
    written_at BIGINT,
    written_by TEXT,
    UNIQUE (dossier_id, number)
);
