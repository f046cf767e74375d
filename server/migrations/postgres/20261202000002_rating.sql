-- Rating: how satisfied the citizen was with a dossier (đánh giá mức độ hài lòng).

-- At most one row per dossier: the primary key keeps it so even when two ratings arrive at once.
-- Each score is 1 (rất không hài lòng) to 5 (rất hài lòng); `comment` is empty when none was
-- written; `rated_at` is Unix seconds.
CREATE TABLE ratings (
    dossier_id TEXT PRIMARY KEY NOT NULL REFERENCES dossiers (id),
    satisfaction INTEGER NOT NULL,
    guidance_clear INTEGER NOT NULL,
    on_time INTEGER NOT NULL,
    staff_attitude INTEGER NOT NULL,
    comment TEXT NOT NULL DEFAULT '',
    rated_at BIGINT NOT NULL
);
