namespace ConnectorHub.Core.Storage;

/// <summary>Resolves the provider and connection string from <see cref="StorageOptions"/>: one rule for EF, hand-written SQL and Hangfire.</summary>
public static class StorageSettings
{
    /// <summary>The connection string in effect; for SQLite by default a file in the data folder under <paramref name="contentRootPath"/>.</summary>
    public static string ConnectionString(StorageOptions options, string contentRootPath)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return options.ConnectionString;
        }

        if (options.Provider == StorageProvider.Postgres)
        {
            throw new InvalidOperationException("ConnectorHub:Storage:Provider is Postgres but no connection string is set. Set ConnectorHub:Storage:ConnectionString.");
        }

        return $"Data Source={Path.Combine(Path.GetFullPath(options.DataDirectory, contentRootPath), "connectorhub.db")}";
    }
}
