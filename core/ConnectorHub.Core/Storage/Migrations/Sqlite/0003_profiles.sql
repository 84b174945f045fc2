-- Unified profiles, the identity graph with its history, and the canonical store (events, orders, ad performance,
-- accounts). Written by IdentityResolution and CanonicalStore with multi-row statements; read by Profiles.
-- Times are UTC unix milliseconds. SQLite has one writer at a time, so no locks beyond the write transaction.

CREATE TABLE profiles (
    id INTEGER PRIMARY KEY,              -- allocated as max(id)+1.. inside the write transaction
    merged_into INTEGER NULL,            -- the surviving profile once this one was merged away; always the final one
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX ix_profiles_merged_into ON profiles (merged_into) WHERE merged_into IS NOT NULL;

-- One row per identifier; the value leads the key so a prefix search by value uses it too.
CREATE TABLE profile_identifiers (
    value TEXT NOT NULL,
    type TEXT NOT NULL,
    profile_id INTEGER NOT NULL,         -- always a surviving profile: merges re-point identifiers
    lock_bucket INTEGER NOT NULL,        -- unused on SQLite; kept so both stores have one shape
    source TEXT NOT NULL,
    record_key TEXT NULL,
    first_seen INTEGER NOT NULL,
    last_seen INTEGER NOT NULL,
    PRIMARY KEY (value, type)
) WITHOUT ROWID;
CREATE INDEX ix_profile_identifiers_profile_id ON profile_identifiers (profile_id);

CREATE TABLE profile_traits (
    profile_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    value TEXT NOT NULL,                 -- JSON
    search_value TEXT NULL,
    source TEXT NOT NULL,
    observed_at INTEGER NOT NULL,
    PRIMARY KEY (profile_id, name)
) WITHOUT ROWID;
CREATE INDEX ix_profile_traits_name_search_value ON profile_traits (name, search_value);

CREATE TABLE profile_merges (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    survivor_id INTEGER NOT NULL,
    merged_id INTEGER NOT NULL,
    identifier_type TEXT NOT NULL,
    identifier_value TEXT NOT NULL,
    source TEXT NOT NULL,
    record_key TEXT NULL,
    observed_at INTEGER NOT NULL,
    merged_at INTEGER NOT NULL
);
CREATE INDEX ix_profile_merges_survivor_id ON profile_merges (survivor_id);
CREATE INDEX ix_profile_merges_merged_id ON profile_merges (merged_id);

CREATE TABLE identifier_drops (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    profile_id INTEGER NOT NULL,
    identifier_type TEXT NOT NULL,
    identifier_value TEXT NOT NULL,
    reason TEXT NOT NULL,
    source TEXT NOT NULL,
    record_key TEXT NULL,
    observed_at INTEGER NOT NULL,
    dropped_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_identifier_drops_profile_identifier ON identifier_drops (profile_id, identifier_type, identifier_value);

-- Events: a plain table here (PostgreSQL partitions it by month).
CREATE TABLE events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    source TEXT NOT NULL,
    message_id TEXT NOT NULL,
    type TEXT NOT NULL,
    name TEXT NULL,
    profile_id INTEGER NULL,
    user_id TEXT NULL,
    anonymous_id TEXT NULL,
    properties TEXT NULL,
    context TEXT NULL,
    event_time INTEGER NOT NULL,
    sent_at INTEGER NULL,
    received_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_events_source_message_id ON events (source, message_id);
CREATE INDEX ix_events_profile_id_event_time ON events (profile_id, event_time DESC, id DESC);
CREATE INDEX ix_events_name_event_time ON events (name, event_time);

CREATE TABLE orders (
    source TEXT NOT NULL,
    order_id TEXT NOT NULL,
    profile_id INTEGER NULL,
    channel TEXT NOT NULL,
    status TEXT NULL,
    currency TEXT NOT NULL,
    subtotal NUMERIC NULL,
    tax NUMERIC NULL,
    shipping NUMERIC NULL,
    discount NUMERIC NULL,
    total NUMERIC NOT NULL,
    line_items TEXT NULL,
    customer_identifiers TEXT NULL,
    placed_at INTEGER NOT NULL,
    updated_at INTEGER NULL,
    stored_at INTEGER NOT NULL,
    PRIMARY KEY (source, order_id)
);
CREATE INDEX ix_orders_profile_id_placed_at ON orders (profile_id, placed_at DESC);

CREATE TABLE ad_performance (
    platform TEXT NOT NULL,
    account_id TEXT NOT NULL,
    campaign_id TEXT NOT NULL,
    ad_set_id TEXT NOT NULL,
    ad_id TEXT NOT NULL,
    date TEXT NOT NULL,                  -- yyyy-MM-dd
    campaign_name TEXT NULL,
    ad_set_name TEXT NULL,
    ad_name TEXT NULL,
    impressions INTEGER NOT NULL,
    clicks INTEGER NOT NULL,
    spend NUMERIC NOT NULL,
    currency TEXT NOT NULL,
    conversions NUMERIC NULL,
    stored_at INTEGER NOT NULL,
    PRIMARY KEY (platform, account_id, campaign_id, ad_set_id, ad_id, date)
);

CREATE TABLE accounts (
    source TEXT NOT NULL,
    account_id TEXT NOT NULL,
    domain TEXT NULL,
    name TEXT NULL,
    industry TEXT NULL,
    traits TEXT NULL,
    observed_at INTEGER NOT NULL,
    stored_at INTEGER NOT NULL,
    PRIMARY KEY (source, account_id)
);
CREATE INDEX ix_accounts_domain ON accounts (domain);

CREATE TABLE account_members (
    source TEXT NOT NULL,
    account_id TEXT NOT NULL,
    profile_id INTEGER NOT NULL,
    linked_at INTEGER NOT NULL,
    PRIMARY KEY (source, account_id, profile_id)
);
CREATE INDEX ix_account_members_profile_id ON account_members (profile_id);
