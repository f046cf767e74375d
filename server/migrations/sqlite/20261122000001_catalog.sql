-- The procedure catalog. The whole procedure is kept as JSON in `body`; the columns beside it
-- are what listing and search need without decoding every body.
CREATE TABLE procedures (
    code TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    field TEXT NOT NULL,
    agency TEXT NOT NULL,
    levels TEXT NOT NULL,
    online_level TEXT NOT NULL,
    body TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- One row; `version` grows with every change to the catalog, so every server process can tell
-- that its in-memory search index is stale.
CREATE TABLE catalog_meta (
    id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO catalog_meta (id, version) VALUES (1, 0);
