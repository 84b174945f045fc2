using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ConnectorHub.Core.Storage;

/// <summary>Checks <see cref="StorageOptions"/> at start and reports every mistake at once, naming the setting.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Provider))
        {
            failures.Add($"{StorageOptions.Section}:Provider is '{options.Provider}'; use Sqlite (the embedded default) or Postgres.");
        }
        else if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            if (options.Provider == StorageProvider.Postgres)
            {
                failures.Add($"{StorageOptions.Section}:Provider is Postgres but no connection string is set. Set {StorageOptions.Section}:ConnectionString (or ConnectionStrings:ConnectorHub), e.g. with the environment variable ConnectorHub__Storage__ConnectionString.");
            }
        }
        else if (ConnectionStringError(options) is { } error)
        {
            // The connection string itself is not repeated: it may hold a password.
            failures.Add($"{StorageOptions.Section}:ConnectionString is not a valid {options.Provider} connection string ({error}). Use key=value pairs separated by ';', such as " +
                (options.Provider == StorageProvider.Postgres ? "Host=db;Database=connectorhub;Username=hub;Password=..." : "Data Source=data/connectorhub.db") + ".");
        }

        if (string.IsNullOrWhiteSpace(options.DataDirectory) || options.DataDirectory.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add($"{StorageOptions.Section}:DataDirectory '{options.DataDirectory}' is not a folder path; set it to the folder for the embedded database and local files (default 'data', relative to the content root).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string? ConnectionStringError(StorageOptions options)
    {
        try
        {
            _ = options.Provider == StorageProvider.Postgres
                ? new NpgsqlConnectionStringBuilder(options.ConnectionString).ConnectionString
                : new SqliteConnectionStringBuilder(options.ConnectionString).ConnectionString;
            return null;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            return ex.Message;
        }
    }
}
