-- Activations: a segment sent to a destination connection, with what each profile looked like when it was last
-- delivered (the diff base), the records still to retry, and a ledger of every run and every record's outcome.
CREATE TABLE activations (
    id bigserial PRIMARY KEY,
    name text NOT NULL UNIQUE,
    segment_id bigint NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
    destination_connection_id text NOT NULL,  -- connections.id (a uuid)
    mode text NOT NULL,                  -- AddRemove, Mirror or Upsert
    mapping text NOT NULL,               -- JSON: AudienceMember field -> profile identifier/trait
    settings text NOT NULL,              -- JSON: the destination's WriteRequest.Settings
    required_consent text NULL,          -- consent.<name> false = not sent; NULL sends everyone
    schedule text NULL,                  -- Quartz cron; NULL runs on segment refresh and on demand only
    time_zone text NULL,
    enabled boolean NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE INDEX ix_activations_segment_id ON activations (segment_id);

-- What the destination holds, as far as the hub delivered it: one row per profile ever delivered.
CREATE TABLE activation_members (
    activation_id bigint NOT NULL REFERENCES activations (id) ON DELETE CASCADE,
    profile_id bigint NOT NULL,
    state text NOT NULL,                 -- present | absent
    payload_hash text NULL,              -- SHA-256 of the AudienceMember last accepted
    payload text NULL,                   -- that AudienceMember (JSON), so a remove names what was added
    delivered_at timestamptz NOT NULL,
    PRIMARY KEY (activation_id, profile_id)
);

-- Records the destination rejected or asked to retry, until accepted or given up (attempts = the cap).
CREATE TABLE activation_pending (
    activation_id bigint NOT NULL REFERENCES activations (id) ON DELETE CASCADE,
    profile_id bigint NOT NULL,
    operation text NOT NULL,             -- Add, Upsert or Remove
    payload_hash text NULL,              -- the payload that failed: a changed one is a new attempt, whatever the cap
    outcome text NOT NULL,               -- Rejected | Retry (the last one)
    reason text NULL,
    attempts integer NOT NULL,
    first_failed_at timestamptz NOT NULL,
    last_failed_at timestamptz NOT NULL,
    next_attempt_at timestamptz NOT NULL,
    PRIMARY KEY (activation_id, profile_id)
);
CREATE INDEX ix_activation_pending_next_attempt ON activation_pending (next_attempt_at);

-- One row per run.
CREATE TABLE activation_deliveries (
    id bigserial PRIMARY KEY,
    activation_id bigint NOT NULL REFERENCES activations (id) ON DELETE CASCADE,
    trigger text NOT NULL,
    status text NOT NULL,                -- Running | Succeeded | Failed
    node text NOT NULL,
    started_at timestamptz NOT NULL,
    finished_at timestamptz NULL,
    adds bigint NOT NULL DEFAULT 0,
    removes bigint NOT NULL DEFAULT 0,
    updates bigint NOT NULL DEFAULT 0,
    sent bigint NOT NULL DEFAULT 0,
    accepted bigint NOT NULL DEFAULT 0,
    rejected bigint NOT NULL DEFAULT 0,
    retry bigint NOT NULL DEFAULT 0,
    deferred bigint NOT NULL DEFAULT 0,  -- failed earlier, waiting for their backoff or given up
    error text NULL
);
CREATE INDEX ix_activation_deliveries_activation ON activation_deliveries (activation_id, id DESC);

-- Every record of every run with its outcome.
CREATE TABLE activation_delivery_records (
    id bigserial PRIMARY KEY,
    delivery_id bigint NOT NULL REFERENCES activation_deliveries (id) ON DELETE CASCADE,
    activation_id bigint NOT NULL,
    profile_id bigint NOT NULL,
    operation text NOT NULL,
    outcome text NOT NULL,               -- Accepted | Rejected | Retry
    reason text NULL,
    attempt integer NOT NULL
);
CREATE INDEX ix_activation_delivery_records_delivery ON activation_delivery_records (delivery_id, id);
CREATE INDEX ix_activation_delivery_records_profile ON activation_delivery_records (activation_id, profile_id);
