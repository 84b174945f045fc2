-- Dashboard sign-ins kept on the server: the cookie holds only a session's key, so signing out ends the session
-- everywhere the cookie was copied to.
CREATE TABLE dashboard_sessions (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    ticket BLOB NOT NULL,
    expires_at INTEGER NULL
);
CREATE INDEX ix_dashboard_sessions_user ON dashboard_sessions (user_id);
