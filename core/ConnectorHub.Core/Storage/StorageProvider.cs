namespace ConnectorHub.Core.Storage;

/// <summary>The database behind the hub.</summary>
public enum StorageProvider
{
    /// <summary>Embedded SQLite: the default, single node, nothing to install.</summary>
    Sqlite,

    /// <summary>PostgreSQL: the production store, and the one several hub nodes share.</summary>
    Postgres,
}
