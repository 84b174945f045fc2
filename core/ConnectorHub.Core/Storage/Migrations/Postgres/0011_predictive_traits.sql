-- Predictive traits: models trained in process on the hub's own orders and events (Predictions/), their runs with
-- the quality each reached against its baseline, and the latest score of every profile with its explanation. A
-- published run's scores are also written to profile_traits under the model's trait name (source
-- 'model:<trait>:v<version>'), so segment rules read them like any trait.
CREATE TABLE predictive_models (
    id bigserial PRIMARY KEY,
    trait text NOT NULL UNIQUE,          -- the trait its scores are written to (churn_risk, predicted_ltv_90d)
    kind text NOT NULL,                  -- Churn | Value
    description text NULL,
    settings jsonb NOT NULL,             -- horizon, event names and windows, selected traits, tree settings
    schedule text NULL,                  -- cron for training; NULL trains on demand only
    time_zone text NULL,
    published_run_id bigint NULL,        -- the run whose scores the trait holds
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

-- One row per training run. A Running row is the run's lease on its model (one per model, by the unique index),
-- kept fresh by a heartbeat; every write of the run renews it in the write's own transaction, so a node that stalls
-- past the timeout and wakes after another node took the model over writes nothing more.
CREATE TABLE predictive_model_runs (
    id bigserial PRIMARY KEY,
    model_id bigint NOT NULL REFERENCES predictive_models (id) ON DELETE CASCADE,
    trigger text NOT NULL,               -- Schedule | Manual
    status text NOT NULL,                -- Running | Published | NotPublished | Failed
    node text NOT NULL,
    version integer NULL,                -- given when the run beats its baseline, before it scores
    as_of timestamptz NOT NULL,          -- the scoring time; validation and training cutoffs lie one and two horizons before
    settings jsonb NOT NULL,             -- the model's settings as the run used them
    report jsonb NULL,                   -- features, quality, baseline, importance, score distribution
    reason text NULL,                    -- why it was not published, or why it failed
    scored bigint NOT NULL DEFAULT 0,
    started_at timestamptz NOT NULL,
    heartbeat_at timestamptz NOT NULL,
    finished_at timestamptz NULL
);
CREATE UNIQUE INDEX ux_predictive_model_runs_one_running ON predictive_model_runs (model_id) WHERE status = 'Running';
CREATE INDEX ix_predictive_model_runs_model_id ON predictive_model_runs (model_id, id);

-- The latest score of each profile per model, with the features that moved it most.
CREATE TABLE predictive_scores (
    model_id bigint NOT NULL REFERENCES predictive_models (id) ON DELETE CASCADE,
    profile_id bigint NOT NULL,
    run_id bigint NOT NULL,
    score double precision NOT NULL,
    explanation jsonb NOT NULL,          -- [{feature, value, contribution}], strongest first
    scored_at timestamptz NOT NULL,
    PRIMARY KEY (model_id, profile_id)
);
CREATE INDEX ix_predictive_scores_profile_id ON predictive_scores (profile_id);

-- The two standard models, trained daily at 03:00 UTC; an admin changes or removes them like any other.
INSERT INTO predictive_models (trait, kind, description, settings, schedule, time_zone, created_at, updated_at) VALUES
    ('churn_risk', 'Churn', 'Probability that a customer with past orders places none in the next 90 days.',
     '{"horizonDays":90}', '0 3 * * *', NULL, now(), now()),
    ('predicted_ltv_90d', 'Value', 'Spend expected from a customer with past orders in the next 90 days.',
     '{"horizonDays":90}', '0 3 * * *', NULL, now(), now());
