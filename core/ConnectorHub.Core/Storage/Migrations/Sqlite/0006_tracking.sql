-- The Segment-compatible tracking API: tracking sources (each event's `source`) and their write keys. Keys are
-- stored as SHA-256 hashes only; the value is shown once, at creation. A revoked key stays listed (revoked_at set).
-- Times are UTC unix milliseconds.
CREATE TABLE tracking_sources (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,                   -- also the `source` of the events it receives
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE TABLE tracking_write_keys (
    id TEXT PRIMARY KEY,
    source_id TEXT NOT NULL REFERENCES tracking_sources (id) ON DELETE CASCADE,
    key_hash TEXT NOT NULL UNIQUE,               -- SHA-256 of the key, hex
    prefix TEXT NOT NULL,                        -- first characters, to recognise it in lists
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER NULL
);
CREATE INDEX ix_tracking_write_keys_source_id ON tracking_write_keys (source_id);

-- Retention deletes old events by time.
CREATE INDEX ix_events_event_time ON events (event_time);
