-- Unified profiles, the identity graph with its history, and the canonical store (events, orders, ad performance,
-- accounts). Written by IdentityResolution and CanonicalStore with set-based SQL and binary COPY; read by Profiles.
-- No foreign keys on the hot tables: every writer holds the identity locks of what it touches, and a foreign-key
-- check per copied row would halve the bulk insert rate.

-- Profile ids come from this sequence in bulk (SELECT nextval(...) FROM generate_series(1, n)).
CREATE SEQUENCE profiles_id_seq;

CREATE TABLE profiles (
    id bigint PRIMARY KEY,
    merged_into bigint NULL,             -- the surviving profile once this one was merged away; always the final one
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
) WITH (fillfactor = 90);              -- room on each page for HOT updates of updated_at
CREATE INDEX ix_profiles_merged_into ON profiles (merged_into) WHERE merged_into IS NOT NULL;

-- One row per identifier; the value leads the key so a prefix search by value uses it too.
CREATE TABLE profile_identifiers (
    value text COLLATE "C" NOT NULL,
    type text COLLATE "C" NOT NULL,
    profile_id bigint NOT NULL,          -- always a surviving profile: merges re-point identifiers
    lock_bucket integer NOT NULL,        -- the advisory lock that guards it (see IdentityLocks)
    source text NOT NULL,                -- where it was first observed
    record_key text NULL,
    first_seen timestamptz NOT NULL,     -- observation (event) times, not arrival
    last_seen timestamptz NOT NULL,
    PRIMARY KEY (value, type)
) WITH (fillfactor = 90);              -- re-observations update last_seen in place (HOT), without index writes
CREATE INDEX ix_profile_identifiers_profile_id ON profile_identifiers (profile_id);

-- The surviving value of each trait (and consent, as consent.email, consent.sms, consent.ads), with its origin.
CREATE TABLE profile_traits (
    profile_id bigint NOT NULL,
    name text COLLATE "C" NOT NULL,
    value jsonb NOT NULL,
    search_value text NULL,              -- lower-cased text of a scalar value, for search by trait
    source text NOT NULL,
    observed_at timestamptz NOT NULL,
    PRIMARY KEY (profile_id, name)
);
CREATE INDEX ix_profile_traits_name_search_value ON profile_traits (name, search_value);

-- Why profiles merged: the identifier that connected them and the fragment that carried it.
CREATE TABLE profile_merges (
    id bigserial PRIMARY KEY,
    survivor_id bigint NOT NULL,
    merged_id bigint NOT NULL,
    identifier_type text NOT NULL,
    identifier_value text NOT NULL,
    source text NOT NULL,
    record_key text NULL,
    observed_at timestamptz NOT NULL,
    merged_at timestamptz NOT NULL
);
CREATE INDEX ix_profile_merges_survivor_id ON profile_merges (survivor_id);
CREATE INDEX ix_profile_merges_merged_id ON profile_merges (merged_id);

-- Identifiers a fragment carried but that did not join the profile (a limit, a conflict, a blocked value), and why.
CREATE TABLE identifier_drops (
    id bigserial PRIMARY KEY,
    profile_id bigint NOT NULL,
    identifier_type text NOT NULL,
    identifier_value text NOT NULL,
    reason text NOT NULL,
    source text NOT NULL,
    record_key text NULL,
    observed_at timestamptz NOT NULL,
    dropped_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX ux_identifier_drops_profile_identifier ON identifier_drops (profile_id, identifier_type, identifier_value);

-- Events: partitioned by month of event time; partitions are created on demand (EventPartitions), rows outside
-- 2000-2100 land in the default partition. Dedup by (source, message_id) through event_message_ids, because a
-- unique index on a partitioned table must contain the partition key.
CREATE SEQUENCE events_id_seq;
CREATE TABLE events (
    id bigint NOT NULL DEFAULT nextval('events_id_seq'),
    source text NOT NULL,
    message_id text NOT NULL,
    type text NOT NULL,
    name text NULL,
    profile_id bigint NULL,
    user_id text NULL,
    anonymous_id text NULL,
    properties jsonb NULL,
    context jsonb NULL,
    event_time timestamptz NOT NULL,
    sent_at timestamptz NULL,
    received_at timestamptz NOT NULL
) PARTITION BY RANGE (event_time);
CREATE TABLE events_default PARTITION OF events DEFAULT;
CREATE INDEX ix_events_profile_id_event_time ON events (profile_id, event_time DESC, id DESC);
CREATE INDEX ix_events_name_event_time ON events (name, event_time);

CREATE TABLE event_message_ids (
    source text NOT NULL,
    message_id text NOT NULL,
    event_time timestamptz NOT NULL,
    PRIMARY KEY (source, message_id)
);

CREATE TABLE orders (
    source text NOT NULL,
    order_id text NOT NULL,
    profile_id bigint NULL,
    channel text NOT NULL,
    status text NULL,
    currency text NOT NULL,
    subtotal numeric NULL,
    tax numeric NULL,
    shipping numeric NULL,
    discount numeric NULL,
    total numeric NOT NULL,
    line_items jsonb NULL,
    customer_identifiers jsonb NULL,
    placed_at timestamptz NOT NULL,
    updated_at timestamptz NULL,
    stored_at timestamptz NOT NULL,
    PRIMARY KEY (source, order_id)
);
CREATE INDEX ix_orders_profile_id_placed_at ON orders (profile_id, placed_at DESC);

-- Daily ad delivery; absent level ids are stored as '' so the key is total.
CREATE TABLE ad_performance (
    platform text NOT NULL,
    account_id text NOT NULL,
    campaign_id text NOT NULL,
    ad_set_id text NOT NULL,
    ad_id text NOT NULL,
    date date NOT NULL,
    campaign_name text NULL,
    ad_set_name text NULL,
    ad_name text NULL,
    impressions bigint NOT NULL,
    clicks bigint NOT NULL,
    spend numeric NOT NULL,
    currency text NOT NULL,
    conversions numeric NULL,
    stored_at timestamptz NOT NULL,
    PRIMARY KEY (platform, account_id, campaign_id, ad_set_id, ad_id, date)
);

CREATE TABLE accounts (
    source text NOT NULL,
    account_id text NOT NULL,
    domain text NULL,
    name text NULL,
    industry text NULL,
    traits jsonb NULL,
    observed_at timestamptz NOT NULL,
    stored_at timestamptz NOT NULL,
    PRIMARY KEY (source, account_id)
);
CREATE INDEX ix_accounts_domain ON accounts (domain);

CREATE TABLE account_members (
    source text NOT NULL,
    account_id text NOT NULL,
    profile_id bigint NOT NULL,
    linked_at timestamptz NOT NULL,
    PRIMARY KEY (source, account_id, profile_id)
);
CREATE INDEX ix_account_members_profile_id ON account_members (profile_id);
