-- The Segment-compatible tracking API: tracking sources (each event's `source`) and their write keys. Keys are
-- stored as SHA-256 hashes only; the value is shown once, at creation. A revoked key stays listed (revoked_at set).
CREATE TABLE tracking_sources (
    id uuid PRIMARY KEY,
    name text NOT NULL UNIQUE,                   -- also the `source` of the events it receives
    created_by text NOT NULL,
    created_at timestamptz NOT NULL
);

CREATE TABLE tracking_write_keys (
    id uuid PRIMARY KEY,
    source_id uuid NOT NULL REFERENCES tracking_sources (id) ON DELETE CASCADE,
    key_hash text NOT NULL UNIQUE,               -- SHA-256 of the key, hex
    prefix text NOT NULL,                        -- first characters, to recognise it in lists
    created_by text NOT NULL,
    created_at timestamptz NOT NULL,
    revoked_at timestamptz NULL
);
CREATE INDEX ix_tracking_write_keys_source_id ON tracking_write_keys (source_id);

-- Retention and re-pointing merged profiles' events both look events up by time or profile, which the indexes of
-- 0003 cover; dedup rows older than the retention are deleted with their events.
CREATE INDEX ix_event_message_ids_event_time ON event_message_ids (event_time);
