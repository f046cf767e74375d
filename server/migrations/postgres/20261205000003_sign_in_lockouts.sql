-- Wrong passwords in a row per username, whether or not an account has that name, so that a
-- lockout tells nobody which names exist. The `failures`-th in a row sets `locked_until` (Unix
-- seconds), which refuses every sign-in under the name until it passes; names untried for a day
-- (`last_failed_at`) are forgotten. It replaces the count that staff_accounts kept, which only
-- existing accounts had.
CREATE TABLE sign_in_lockouts (
    username TEXT PRIMARY KEY NOT NULL,
    failures BIGINT NOT NULL,
    locked_until BIGINT,
    last_failed_at BIGINT NOT NULL
);
ALTER TABLE staff_accounts DROP COLUMN failed_logins;
ALTER TABLE staff_accounts DROP COLUMN locked_until;
