-- The migration journal of a version-2 database made before the hub migrated with DbUp: the table the hub's own
-- migration runner kept, exactly as it created it, with the two migrations it had applied.
CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL);
INSERT INTO schema_migrations (version, name, applied_at) VALUES
    (1, 'data_protection_keys', '2024-06-01T09:00:00.0000000+00:00'),
    (2, 'sync_engine', '2024-06-01T09:00:00.0000000+00:00');
