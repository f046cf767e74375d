-- Staff accounts (cán bộ một cửa) and their sign-in sessions.

-- `password_hash` is an Argon2id PHC string; `role` one of reception, processing, leader, admin;
-- `unit` the reception unit whose dossiers the officer handles (e.g. XA). After repeated wrong
-- passwords `locked_until` (Unix seconds) refuses every sign-in until it passes.
CREATE TABLE staff_accounts (
    id TEXT PRIMARY KEY NOT NULL,
    username TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL,
    unit TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until BIGINT
);

-- One row per signed-in browser. The cookie carries a random secret; only its SHA-256 is kept, so
-- a copy of the database opens no session. Times are Unix seconds: a session ends when idle too
-- long (`last_seen_at`) or too old (`created_at`).
CREATE TABLE staff_sessions (
    id_hash TEXT PRIMARY KEY NOT NULL,
    staff_id TEXT NOT NULL REFERENCES staff_accounts (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL
);

CREATE INDEX staff_sessions_staff ON staff_sessions (staff_id);
