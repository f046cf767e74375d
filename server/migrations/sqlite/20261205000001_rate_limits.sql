-- Counts per client address and kind of request within a fixed window, shared by every node
-- that serves the same database: failed lookups and sign-ins, submissions, uploads.
-- `window_start` is Unix seconds; a hit after the window has passed starts a new one.
CREATE TABLE rate_limits (
    kind TEXT NOT NULL,
    client TEXT NOT NULL,
    window_start BIGINT NOT NULL,
    hits BIGINT NOT NULL,
    PRIMARY KEY (kind, client)
);
CREATE INDEX rate_limits_window ON rate_limits (window_start);
