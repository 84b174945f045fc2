-- Activations: a segment sent to a destination connection, with what each profile looked like when it was last
-- delivered (the diff base), the records still to retry, and a ledger of every run and every record's outcome.
-- Times are UTC unix milliseconds; booleans 0/1.
CREATE TABLE activations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE,
    segment_id INTEGER NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
    destination_connection_id TEXT NOT NULL,  -- connections.id (a uuid)
    mode TEXT NOT NULL,                  -- AddRemove, Mirror or Upsert
    mapping TEXT NOT NULL,               -- JSON: AudienceMember field -> profile identifier/trait
    settings TEXT NOT NULL,              -- JSON: the destination's WriteRequest.Settings
    required_consent TEXT NULL,          -- consent.<name> false = not sent; NULL sends everyone
    schedule TEXT NULL,                  -- Quartz cron; NULL runs on segment refresh and on demand only
    time_zone TEXT NULL,
    enabled INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX ix_activations_segment_id ON activations (segment_id);

-- What the destination holds, as far as the hub delivered it: one row per profile ever delivered.
CREATE TABLE activation_members (
    activation_id INTEGER NOT NULL REFERENCES activations (id) ON DELETE CASCADE,
    profile_id INTEGER NOT NULL,
    state TEXT NOT NULL,                 -- present | absent
    payload_hash TEXT NULL,              -- SHA-256 of the AudienceMember last accepted
    payload TEXT NULL,                   -- that AudienceMember (JSON), so a remove names what was added
    delivered_at INTEGER NOT NULL,
    PRIMARY KEY (activation_id, profile_id)
);

-- Records the destination rejected or asked to retry, until accepted or given up (attempts = the cap).
CREATE TABLE activation_pending (
    activation_id INTEGER NOT NULL REFERENCES activations (id) ON DELETE CASCADE,
    profile_id INTEGER NOT NULL,
    operation TEXT NOT NULL,             -- Add, Upsert or Remove
    payload_hash TEXT NULL,              -- the payload that failed: a changed one is a new attempt, whatever the cap
    outcome TEXT NOT NULL,               -- Rejected | Retry (the last one)
    reason TEXT NULL,
    attempts INTEGER NOT NULL,
    first_failed_at INTEGER NOT NULL,
    last_failed_at INTEGER NOT NULL,
    next_attempt_at INTEGER NOT NULL,
    PRIMARY KEY (activation_id, profile_id)
);
CREATE INDEX ix_activation_pending_next_attempt ON activation_pending (next_attempt_at);

-- One row per run.
CREATE TABLE activation_deliveries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    activation_id INTEGER NOT NULL REFERENCES activations (id) ON DELETE CASCADE,
    trigger TEXT NOT NULL,
    status TEXT NOT NULL,                -- Running | Succeeded | Failed
    node TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    finished_at INTEGER NULL,
    adds INTEGER NOT NULL DEFAULT 0,
    removes INTEGER NOT NULL DEFAULT 0,
    updates INTEGER NOT NULL DEFAULT 0,
    sent INTEGER NOT NULL DEFAULT 0,
    accepted INTEGER NOT NULL DEFAULT 0,
    rejected INTEGER NOT NULL DEFAULT 0,
    retry INTEGER NOT NULL DEFAULT 0,
    deferred INTEGER NOT NULL DEFAULT 0,  -- failed earlier, waiting for their backoff or given up
    error TEXT NULL
);
CREATE INDEX ix_activation_deliveries_activation ON activation_deliveries (activation_id, id DESC);

-- Every record of every run with its outcome.
CREATE TABLE activation_delivery_records (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    delivery_id INTEGER NOT NULL REFERENCES activation_deliveries (id) ON DELETE CASCADE,
    activation_id INTEGER NOT NULL,
    profile_id INTEGER NOT NULL,
    operation TEXT NOT NULL,
    outcome TEXT NOT NULL,               -- Accepted | Rejected | Retry
    reason TEXT NULL,
    attempt INTEGER NOT NULL
);
CREATE INDEX ix_activation_delivery_records_delivery ON activation_delivery_records (delivery_id, id);
CREATE INDEX ix_activation_delivery_records_profile ON activation_delivery_records (activation_id, profile_id);
