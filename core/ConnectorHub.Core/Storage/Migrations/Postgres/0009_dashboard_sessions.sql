-- Dashboard sign-ins kept on the server: the cookie holds only a session's key, so signing out ends the session
-- everywhere the cookie was copied to, and every node sees it.
CREATE TABLE dashboard_sessions (
    id text PRIMARY KEY,
    user_id uuid NOT NULL,
    ticket bytea NOT NULL,
    expires_at timestamptz NULL
);
CREATE INDEX ix_dashboard_sessions_user ON dashboard_sessions (user_id);
