-- Online filing: dossiers, their attachments, per-unit daily numbering and idempotent submission.

-- A filed dossier. `body` is the validated dossier as JSON; `procedure_snapshot` is the procedure
-- as it was when filed, so the receipt and the staff see what the citizen was asked even after the
-- catalog changes. `phone` (normalized) and `tracking_token` are the two proofs that open the
-- receipt.
CREATE TABLE dossiers (
    id TEXT PRIMARY KEY NOT NULL,
    code TEXT NOT NULL UNIQUE,
    procedure_code TEXT NOT NULL,
    unit TEXT NOT NULL,
    status TEXT NOT NULL,
    applicant_name TEXT NOT NULL,
    phone TEXT NOT NULL,
    body TEXT NOT NULL,
    procedure_snapshot TEXT NOT NULL,
    submitted_at BIGINT NOT NULL,
    received_on TEXT NOT NULL,
    promised_date TEXT,
    processing_time TEXT NOT NULL,
    delivery TEXT NOT NULL,
    tracking_token TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX dossiers_status ON dossiers (status, submitted_at);

-- A file a citizen uploaded. Unattached (no dossier) it is a draft's: previewable and deletable by
-- whoever holds its id, and removed after a day. `storage_key` names the bytes in the file store.
CREATE TABLE uploads (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    size BIGINT NOT NULL,
    content_type TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    storage_key TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    dossier_id TEXT REFERENCES dossiers (id),
    document_index INTEGER
);
CREATE INDEX uploads_dossier ON uploads (dossier_id);
CREATE INDEX uploads_unattached ON uploads (created_at) WHERE dossier_id IS NULL;

-- Submissions already answered, so a retried request gets the same dossier back.
CREATE TABLE idempotency_keys (
    key TEXT PRIMARY KEY NOT NULL,
    request_hash TEXT NOT NULL,
    dossier_code TEXT NOT NULL REFERENCES dossiers (code),
    created_at BIGINT NOT NULL
);

-- The last dossier number given by each unit on each day (Vietnamese date, `yyyy-mm-dd`).
CREATE TABLE dossier_sequences (
    unit TEXT NOT NULL,
    day TEXT NOT NULL,
    last INTEGER NOT NULL,
    PRIMARY KEY (unit, day)
);
