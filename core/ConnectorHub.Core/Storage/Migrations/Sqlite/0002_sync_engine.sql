-- Connections, syncs, runs, checkpoints and rejected records: the sync engine's state.
CREATE TABLE connections (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    plugin_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    config TEXT NOT NULL,                -- non-secret settings, JSON
    protected_secrets TEXT NULL,         -- secret settings, JSON encrypted with Data Protection
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    last_check_at INTEGER NULL,
    last_check_succeeded INTEGER NULL,
    last_check_message TEXT NULL
);

CREATE TABLE syncs (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    source_connection_id TEXT NOT NULL REFERENCES connections(id),
    destination_connection_id TEXT NULL REFERENCES connections(id),  -- NULL: the hub's own profile store
    streams TEXT NOT NULL,               -- JSON array of configured streams
    destination_settings TEXT NOT NULL,  -- JSON object
    schedule_cron TEXT NULL,
    schedule_time_zone TEXT NULL,
    enabled INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE runs (
    id TEXT PRIMARY KEY,
    sync_id TEXT NOT NULL REFERENCES syncs(id) ON DELETE CASCADE,
    trigger TEXT NOT NULL,
    status TEXT NOT NULL,
    queued_at INTEGER NOT NULL,
    scheduled_for INTEGER NULL,          -- the schedule's fire time, for scheduled runs
    started_at INTEGER NULL,
    finished_at INTEGER NULL,
    heartbeat_at INTEGER NULL,
    node TEXT NULL,
    cancel_requested INTEGER NOT NULL DEFAULT 0,
    resumed_run_id TEXT NULL,
    error_category TEXT NULL,
    error_stream TEXT NULL,
    error_message TEXT NULL,
    failed_request TEXT NULL             -- redacted HTTP exchange, JSON
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
    run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    stream TEXT NOT NULL,
    records_read INTEGER NOT NULL,
    records_written INTEGER NOT NULL,
    records_rejected INTEGER NOT NULL,
    PRIMARY KEY (run_id, stream)
);

CREATE TABLE checkpoints (
    sync_id TEXT NOT NULL REFERENCES syncs(id) ON DELETE CASCADE,
    stream TEXT NOT NULL,
    state TEXT NOT NULL,                 -- the source's opaque state, JSON
    run_id TEXT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (sync_id, stream)
);

CREATE TABLE rejected_records (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    sync_id TEXT NOT NULL,
    stream TEXT NOT NULL,
    stage TEXT NOT NULL,                 -- Source, Mapping or Destination
    record_key TEXT NULL,
    location TEXT NULL,
    reason TEXT NOT NULL,
    raw_data TEXT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX ix_rejected_records_run_id ON rejected_records (run_id);
CREATE INDEX ix_rejected_records_sync_id ON rejected_records (sync_id);
