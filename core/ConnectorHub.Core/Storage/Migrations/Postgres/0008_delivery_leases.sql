-- Activation runs hold their activation by a lease on their ledger row (one Running row per activation, renewed by a
-- heartbeat), replacing session advisory locks: a node that stalls past the timeout is taken over, and its writes
-- are fenced by the row.
UPDATE activation_deliveries SET status = 'Failed', finished_at = now(),
    error = 'The hub node running it stopped before it finished; what it recorded stands, the next run sends the rest.'
WHERE status = 'Running' AND id NOT IN (SELECT max(id) FROM activation_deliveries WHERE status = 'Running' GROUP BY activation_id);
ALTER TABLE activation_deliveries ADD COLUMN heartbeat_at timestamptz NULL;
UPDATE activation_deliveries SET heartbeat_at = started_at WHERE status = 'Running';
CREATE UNIQUE INDEX ux_activation_deliveries_one_running ON activation_deliveries (activation_id) WHERE status = 'Running';
