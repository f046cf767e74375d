-- The staff workflow: where a dossier came in, the inbox's filters, the result, the officers'
-- document checklist, supplement requests, and the append-only audit log.

-- `channel`: `online` (filed by the citizen) or `counter` (filed by reception staff from paper).
-- `field` (lĩnh vực) is copied from the procedure as filed, for the inbox filter. `applicant_search`
-- is the applicant's name folded to lower case without diacritics (`nguyen thi hoa`), so staff
-- find `Nguyễn Thị Hòa` by typing `hoa`; the server fills the rows older than this column when
-- it starts. `result_note` tells the citizen how the result comes back; `result_upload_id` is the
-- result document, when there is one.
ALTER TABLE dossiers ADD COLUMN channel TEXT NOT NULL DEFAULT 'online';
ALTER TABLE dossiers ADD COLUMN field TEXT NOT NULL DEFAULT '';
ALTER TABLE dossiers ADD COLUMN applicant_search TEXT NOT NULL DEFAULT '';
ALTER TABLE dossiers ADD COLUMN result_note TEXT;
ALTER TABLE dossiers ADD COLUMN result_upload_id TEXT REFERENCES uploads (id);
UPDATE dossiers SET field = COALESCE(procedure_snapshot::json ->> 'field', '');

-- The inbox lists one unit's dossiers by status, newest or oldest first.
CREATE INDEX dossiers_inbox ON dossiers (unit, status, submitted_at);
-- Searching a name scans one unit's folded names, not the bodies.
CREATE INDEX dossiers_applicant_search ON dossiers (unit, applicant_search);

-- What the office asked the citizen to add (phiếu yêu cầu bổ sung). `missing` is a JSON array of
-- texts; `status_before` is the status the dossier returns to; `paused_on` (Vietnamese date) is
-- when the working-day clock stopped. `resumed_at` (Unix seconds) is set when the citizen sent
-- the supplement, with their note; at most one request per dossier is open at a time.
CREATE TABLE supplement_requests (
    id TEXT PRIMARY KEY NOT NULL,
    dossier_id TEXT NOT NULL REFERENCES dossiers (id),
    missing TEXT NOT NULL,
    note TEXT NOT NULL,
    requested_at BIGINT NOT NULL,
    requested_by TEXT NOT NULL,
    status_before TEXT NOT NULL,
    paused_on TEXT NOT NULL,
    resumed_at BIGINT,
    citizen_note TEXT
);
CREATE UNIQUE INDEX supplement_requests_open ON supplement_requests (dossier_id)
    WHERE resumed_at IS NULL;

-- Files the citizen sent for a supplement request name it; the result document has neither a
-- document index nor a request (the dossier names it in `result_upload_id`).
ALTER TABLE uploads ADD COLUMN supplement_id TEXT REFERENCES supplement_requests (id);

-- The procedure's documents an officer has checked against what was uploaded (one row per ticked
-- document; unticking removes it). `checked_by` is the officer's username.
CREATE TABLE document_checks (
    dossier_id TEXT NOT NULL REFERENCES dossiers (id),
    document_index INTEGER NOT NULL,
    checked_by TEXT NOT NULL,
    checked_at BIGINT NOT NULL,
    PRIMARY KEY (dossier_id, document_index)
);

-- Every staff read of a dossier's personal data and every change an officer made: who, when,
-- what. `detail` never holds a citizen ID in full. Rows are only ever added: the triggers refuse
-- to change, remove or truncate them.
CREATE TABLE audit_log (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at BIGINT NOT NULL,
    dossier_id TEXT NOT NULL REFERENCES dossiers (id),
    staff_id TEXT NOT NULL,
    username TEXT NOT NULL,
    role TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_dossier ON audit_log (dossier_id, id);
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
