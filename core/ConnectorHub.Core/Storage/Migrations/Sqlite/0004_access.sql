-- Dashboard users and API tokens. Passwords are PBKDF2 hashes; tokens are stored as SHA-256 hashes only.
CREATE TABLE users (
    id TEXT PRIMARY KEY,
    user_name TEXT NOT NULL,
    normalized_user_name TEXT NOT NULL UNIQUE,   -- lower case: what sign-in looks up
    password_hash TEXT NOT NULL,                 -- pbkdf2-sha512$iterations$salt$hash
    role TEXT NOT NULL,                          -- Admin, Marketing or Viewer
    security_stamp TEXT NOT NULL,                -- changes with password or role, ending older sign-ins
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    last_sign_in_at INTEGER NULL
);

CREATE TABLE api_tokens (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    token_hash TEXT NOT NULL UNIQUE,             -- SHA-256 of the token, hex
    prefix TEXT NOT NULL,                        -- first characters, to recognise it in lists
    role TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NULL,
    last_used_at INTEGER NULL
);
