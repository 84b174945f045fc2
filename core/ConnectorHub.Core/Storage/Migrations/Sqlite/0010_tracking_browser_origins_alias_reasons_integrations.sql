-- The tracking API, to the letter and from web pages:
-- * a merge an alias call caused says so (profile_merges.reason; null for merges through a shared identifier);
-- * every call keeps its `integrations` object as sent (events.integrations, JSON);
-- * each tracking source lists the web origins whose pages may send it events from a browser (CORS).
ALTER TABLE profile_merges ADD COLUMN reason TEXT NULL;

ALTER TABLE events ADD COLUMN integrations TEXT NULL;

CREATE TABLE tracking_source_origins (
    source_id TEXT NOT NULL REFERENCES tracking_sources (id) ON DELETE CASCADE,
    origin TEXT NOT NULL,                        -- scheme://host[:port], lower case; or * for any origin
    PRIMARY KEY (source_id, origin)
) WITHOUT ROWID;
CREATE INDEX ix_tracking_source_origins_origin ON tracking_source_origins (origin);
