-- Segments and their membership history. A segment is a rule tree stored as JSON (Segments/); each refresh
-- compares the rule's result with the open memberships and closes or opens rows, so the history is the diff.
-- Activation reads the open rows (exited_at IS NULL) of a segment: that set is the audience.
CREATE TABLE segments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE,
    description TEXT NULL,
    definition TEXT NOT NULL,            -- the rule tree, JSON
    schedule TEXT NULL,                  -- Quartz cron for refresh; NULL refreshes on demand only
    time_zone TEXT NULL,
    member_count INTEGER NOT NULL DEFAULT 0,
    last_refreshed_at INTEGER NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

-- One row per stay in a segment: a profile that leaves and comes back has two rows.
CREATE TABLE segment_memberships (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    segment_id INTEGER NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
    profile_id INTEGER NOT NULL,
    entered_at INTEGER NOT NULL,
    exited_at INTEGER NULL
);
CREATE UNIQUE INDEX ux_segment_memberships_open ON segment_memberships (segment_id, profile_id) WHERE exited_at IS NULL;
CREATE INDEX ix_segment_memberships_segment_entered ON segment_memberships (segment_id, entered_at);
CREATE INDEX ix_segment_memberships_segment_exited ON segment_memberships (segment_id, exited_at) WHERE exited_at IS NOT NULL;

-- Computed traits: a per-profile aggregate of events (count, sum, average, first, last, most frequent value),
-- recomputed set-based with the segments that use them. Values live here, not in profile_traits, so identity
-- resolution's trait survival never overwrites them; rules read them with {"computedTrait": name, ...}.
CREATE TABLE computed_traits (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE,
    description TEXT NULL,
    definition TEXT NOT NULL,            -- JSON: kind, event, property, where (filters), within (window)
    last_computed_at INTEGER NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE computed_trait_values (
    computed_trait_id INTEGER NOT NULL REFERENCES computed_traits (id) ON DELETE CASCADE,
    profile_id INTEGER NOT NULL,
    value TEXT NOT NULL,                 -- JSON
    search_value TEXT NULL,
    computed_at INTEGER NOT NULL,
    PRIMARY KEY (computed_trait_id, profile_id)
) WITHOUT ROWID;
CREATE INDEX ix_computed_trait_values_search_value ON computed_trait_values (computed_trait_id, search_value);
