-- Connections, syncs, runs, checkpoints and rejected records: the sync engine's state.
CREATE TABLE connections (
    id uuid PRIMARY KEY,
    name text NOT NULL UNIQUE,
    plugin_id text NOT NULL,
    kind text NOT NULL,
    config text NOT NULL,                -- non-secret settings, JSON
    protected_secrets text NULL,         -- secret settings, JSON encrypted with Data Protection
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    last_check_at timestamptz NULL,
    last_check_succeeded boolean NULL,
    last_check_message text NULL
);

CREATE TABLE syncs (
    id uuid PRIMARY KEY,
    name text NOT NULL UNIQUE,
    source_connection_id uuid NOT NULL REFERENCES connections(id),
    destination_connection_id uuid NULL REFERENCES connections(id),  -- NULL: the hub's own profile store
    streams text NOT NULL,               -- JSON array of configured streams
    destination_settings text NOT NULL,  -- JSON object
    schedule_cron text NULL,
    schedule_time_zone text NULL,
    enabled boolean NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

CREATE TABLE runs (
    id uuid PRIMARY KEY,
    sync_id uuid NOT NULL REFERENCES syncs(id) ON DELETE CASCADE,
    trigger text NOT NULL,
    status text NOT NULL,
    queued_at timestamptz NOT NULL,
    scheduled_for timestamptz NULL,          -- the schedule's fire time, for scheduled runs
    started_at timestamptz NULL,
    finished_at timestamptz NULL,
    heartbeat_at timestamptz NULL,
    node text NULL,
    cancel_requested boolean NOT NULL DEFAULT false,
    resumed_run_id uuid NULL,
    error_category text NULL,
    error_stream text NULL,
    error_message text NULL,
    failed_request text NULL             -- redacted HTTP exchange, JSON
);
CREATE INDEX ix_runs_sync_id_queued_at ON runs (sync_id, queued_at);
CREATE INDEX ix_runs_status ON runs (status);
-- One run per scheduled fire time, however many nodes share the schedule.
CREATE UNIQUE INDEX ux_runs_sync_id_scheduled_for ON runs (sync_id, scheduled_for);
-- One recovery run per interrupted run, however many nodes notice it.
CREATE UNIQUE INDEX ux_runs_resumed_run_id ON runs (resumed_run_id);
-- Never two runs of one sync at once, whatever node starts them.
CREATE UNIQUE INDEX ux_runs_one_running_per_sync ON runs (sync_id) WHERE status = 'Running';

CREATE TABLE run_streams (
    run_id uuid NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    stream text NOT NULL,
    records_read bigint NOT NULL,
    records_written bigint NOT NULL,
    records_rejected bigint NOT NULL,
    PRIMARY KEY (run_id, stream)
);

CREATE TABLE checkpoints (
    sync_id uuid NOT NULL REFERENCES syncs(id) ON DELETE CASCADE,
    stream text NOT NULL,
    state text NOT NULL,                 -- the source's opaque state, JSON
    run_id uuid NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (sync_id, stream)
);

CREATE TABLE rejected_records (
    id bigserial PRIMARY KEY,
    run_id uuid NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    sync_id uuid NOT NULL,
    stream text NOT NULL,
    stage text NOT NULL,                 -- Source, Mapping or Destination
    record_key text NULL,
    location text NULL,
    reason text NOT NULL,
    raw_data text NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX ix_rejected_records_run_id ON rejected_records (run_id);
CREATE INDEX ix_rejected_records_sync_id ON rejected_records (sync_id);
