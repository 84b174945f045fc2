-- Dashboard users and API tokens. Passwords are PBKDF2 hashes; tokens are stored as SHA-256 hashes only.
CREATE TABLE users (
    id uuid PRIMARY KEY,
    user_name text NOT NULL,
    normalized_user_name text NOT NULL UNIQUE,   -- lower case: what sign-in looks up
    password_hash text NOT NULL,                 -- pbkdf2-sha512$iterations$salt$hash
    role text NOT NULL,                          -- Admin, Marketing or Viewer
    security_stamp text NOT NULL,                -- changes with password or role, ending older sign-ins
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    last_sign_in_at timestamptz NULL
);

CREATE TABLE api_tokens (
    id uuid PRIMARY KEY,
    name text NOT NULL UNIQUE,
    token_hash text NOT NULL UNIQUE,             -- SHA-256 of the token, hex
    prefix text NOT NULL,                        -- first characters, to recognise it in lists
    role text NOT NULL,
    created_by text NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NULL,
    last_used_at timestamptz NULL
);
