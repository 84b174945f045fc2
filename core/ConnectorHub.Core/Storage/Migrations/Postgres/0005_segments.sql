-- Segments and their membership history. A segment is a rule tree stored as JSON (Segments/); each refresh
-- compares the rule's result with the open memberships and closes or opens rows, so the history is the diff.
-- Activation reads the open rows (exited_at IS NULL) of a segment: that set is the audience.
CREATE TABLE segments (
    id bigserial PRIMARY KEY,
    name text NOT NULL UNIQUE,
    description text NULL,
    definition jsonb NOT NULL,           -- the rule tree
    schedule text NULL,                  -- Quartz cron for refresh; NULL refreshes on demand only
    time_zone text NULL,
    member_count bigint NOT NULL DEFAULT 0,
    last_refreshed_at timestamptz NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

-- One row per stay in a segment: a profile that leaves and comes back has two rows.
CREATE TABLE segment_memberships (
    id bigserial PRIMARY KEY,
    segment_id bigint NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
    profile_id bigint NOT NULL,
    entered_at timestamptz NOT NULL,
    exited_at timestamptz NULL
);
CREATE UNIQUE INDEX ux_segment_memberships_open ON segment_memberships (segment_id, profile_id) WHERE exited_at IS NULL;
CREATE INDEX ix_segment_memberships_segment_entered ON segment_memberships (segment_id, entered_at);
CREATE INDEX ix_segment_memberships_segment_exited ON segment_memberships (segment_id, exited_at) WHERE exited_at IS NOT NULL;

-- Computed traits: a per-profile aggregate of events (count, sum, average, first, last, most frequent value),
-- recomputed set-based with the segments that use them. Values live here, not in profile_traits, so identity
-- resolution's trait survival never overwrites them; rules read them with {"computedTrait": name, ...}.
CREATE TABLE computed_traits (
    id bigserial PRIMARY KEY,
    name text NOT NULL UNIQUE,
    description text NULL,
    definition jsonb NOT NULL,           -- kind, event, property, where (filters), within (window)
    last_computed_at timestamptz NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

CREATE TABLE computed_trait_values (
    computed_trait_id bigint NOT NULL REFERENCES computed_traits (id) ON DELETE CASCADE,
    profile_id bigint NOT NULL,
    value jsonb NOT NULL,
    search_value text NULL,              -- lower-cased text of the value, as profile_traits.search_value
    computed_at timestamptz NOT NULL,
    PRIMARY KEY (computed_trait_id, profile_id)
);
CREATE INDEX ix_computed_trait_values_search_value ON computed_trait_values (computed_trait_id, search_value);
