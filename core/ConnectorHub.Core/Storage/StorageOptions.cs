namespace ConnectorHub.Core.Storage;

/// <summary>Which database the hub uses (section <c>ConnectorHub:Storage</c>).</summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ConnectorHub:Storage";

    /// <summary><c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>
    /// The ADO.NET connection string. Default for SQLite: <c>Data Source={DataDirectory}/connectorhub.db</c>.
    /// Required for PostgreSQL, for example <c>Host=127.0.0.1;Port=5432;Database=connectorhub;Username=hub;Password=...</c>.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Where the embedded database and other local files live; relative to the content root. Default: <c>data</c>.</summary>
    public string DataDirectory { get; set; } = "data";
}
