-- Predictive traits: models trained in process on the hub's own orders and events (Predictions/), their runs with
-- the quality each reached against its baseline, and the latest score of every profile with its explanation. A
-- published run's scores are also written to profile_traits under the model's trait name (source
-- 'model:<trait>:v<version>'), so segment rules read them like any trait. Times are UTC unix milliseconds.
CREATE TABLE predictive_models (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    trait TEXT NOT NULL UNIQUE,          -- the trait its scores are written to (churn_risk, predicted_ltv_90d)
    kind TEXT NOT NULL,                  -- Churn | Value
    description TEXT NULL,
    settings TEXT NOT NULL,              -- JSON: horizon, event names and windows, selected traits, tree settings
    schedule TEXT NULL,                  -- cron for training; NULL trains on demand only
    time_zone TEXT NULL,
    published_run_id INTEGER NULL,       -- the run whose scores the trait holds
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

-- One row per training run; a Running row is the run's lease on its model (one per model, by the unique index).
CREATE TABLE predictive_model_runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    model_id INTEGER NOT NULL REFERENCES predictive_models (id) ON DELETE CASCADE,
    trigger TEXT NOT NULL,               -- Schedule | Manual
    status TEXT NOT NULL,                -- Running | Published | NotPublished | Failed
    node TEXT NOT NULL,
    version INTEGER NULL,                -- given when the run beats its baseline, before it scores
    as_of INTEGER NOT NULL,              -- the scoring time; validation and training cutoffs lie one and two horizons before
    settings TEXT NOT NULL,              -- JSON: the model's settings as the run used them
    report TEXT NULL,                    -- JSON: features, quality, baseline, importance, score distribution
    reason TEXT NULL,                    -- why it was not published, or why it failed
    scored INTEGER NOT NULL DEFAULT 0,
    started_at INTEGER NOT NULL,
    heartbeat_at INTEGER NOT NULL,
    finished_at INTEGER NULL
);
CREATE UNIQUE INDEX ux_predictive_model_runs_one_running ON predictive_model_runs (model_id) WHERE status = 'Running';
CREATE INDEX ix_predictive_model_runs_model_id ON predictive_model_runs (model_id, id);

-- The latest score of each profile per model, with the features that moved it most.
CREATE TABLE predictive_scores (
    model_id INTEGER NOT NULL REFERENCES predictive_models (id) ON DELETE CASCADE,
    profile_id INTEGER NOT NULL,
    run_id INTEGER NOT NULL,
    score REAL NOT NULL,
    explanation TEXT NOT NULL,           -- JSON: [{feature, value, contribution}], strongest first
    scored_at INTEGER NOT NULL,
    PRIMARY KEY (model_id, profile_id)
) WITHOUT ROWID;
CREATE INDEX ix_predictive_scores_profile_id ON predictive_scores (profile_id);

-- The two standard models, trained daily at 03:00 UTC; an admin changes or removes them like any other.
INSERT INTO predictive_models (trait, kind, description, settings, schedule, time_zone, created_at, updated_at) VALUES
    ('churn_risk', 'Churn', 'Probability that a customer with past orders places none in the next 90 days.',
     '{"horizonDays":90}', '0 3 * * *', NULL, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)),
    ('predicted_ltv_90d', 'Value', 'Spend expected from a customer with past orders in the next 90 days.',
     '{"horizonDays":90}', '0 3 * * *', NULL, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
