-- Keys of ASP.NET Core Data Protection, which encrypts connector secrets at rest.
-- Kept in the database so a restart or another node can decrypt what this one encrypted.
CREATE TABLE data_protection_keys (
    id bigserial PRIMARY KEY,
    friendly_name text NOT NULL UNIQUE,
    xml text NOT NULL
);
