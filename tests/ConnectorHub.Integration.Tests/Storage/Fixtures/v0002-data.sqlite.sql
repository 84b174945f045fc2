-- Data as schema version 2 (sync engine) stored it, on SQLite: timestamps are unix milliseconds.
INSERT INTO connections (id, name, plugin_id, kind, config, protected_secrets, created_at, updated_at, last_check_at, last_check_succeeded, last_check_message)
VALUES ('0E4F1C2A-1111-4A4A-8A8A-000000000001', 'echo v2', 'echo', 'Source', '{"count":7}', NULL, 1717228800000, 1717228800000, 1717228800000, 1, NULL),
       ('0E4F1C2A-1111-4A4A-8A8A-000000000002', 'folder v2', 'folder', 'Destination', '{"path":"/tmp/connectorhub-upgrade-target"}', NULL, 1717228800000, 1717228800000, NULL, NULL, NULL);
INSERT INTO syncs (id, name, source_connection_id, destination_connection_id, streams, destination_settings, schedule_cron, schedule_time_zone, enabled, created_at, updated_at)
VALUES ('0E4F1C2A-2222-4A4A-8A8A-000000000001', 'numbers v2', '0E4F1C2A-1111-4A4A-8A8A-000000000001', '0E4F1C2A-1111-4A4A-8A8A-000000000002',
        '[{"name":"numbers","syncMode":"Incremental","cursorField":[],"primaryKey":[],"destinationMode":"Upsert","mapping":null}]', '{}', '0 0 2 * * ?', 'Europe/London', 1, 1717228800000, 1717228800000);
INSERT INTO runs (id, sync_id, trigger, status, queued_at, scheduled_for, started_at, finished_at, heartbeat_at, node, cancel_requested, resumed_run_id, error_category, error_stream, error_message, failed_request)
VALUES ('0E4F1C2A-3333-4A4A-8A8A-000000000001', '0E4F1C2A-2222-4A4A-8A8A-000000000001', 'Schedule', 'Succeeded', 1717290000000, 1717290000000, 1717290001000, 1717290005000, 1717290005000, 'node-a:1', 0, NULL, NULL, NULL, NULL, NULL);
INSERT INTO run_streams (run_id, stream, records_read, records_written, records_rejected)
VALUES ('0E4F1C2A-3333-4A4A-8A8A-000000000001', 'numbers', 7, 6, 1);
INSERT INTO checkpoints (sync_id, stream, state, run_id, updated_at)
VALUES ('0E4F1C2A-2222-4A4A-8A8A-000000000001', 'numbers', '{"n":7}', '0E4F1C2A-3333-4A4A-8A8A-000000000001', 1717290005000);
INSERT INTO rejected_records (run_id, sync_id, stream, stage, record_key, location, reason, raw_data, created_at)
VALUES ('0E4F1C2A-3333-4A4A-8A8A-000000000001', '0E4F1C2A-2222-4A4A-8A8A-000000000001', 'numbers', 'Source', NULL, 'numbers line 4', 'Row 4 has an unreadable value.', '4,???', 1717290003000);
