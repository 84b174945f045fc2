-- Keys of ASP.NET Core Data Protection, which encrypts connector secrets at rest.
-- Kept in the database so a restart or another node can decrypt what this one encrypted.
CREATE TABLE data_protection_keys (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    friendly_name TEXT NOT NULL UNIQUE,
    xml TEXT NOT NULL
);
