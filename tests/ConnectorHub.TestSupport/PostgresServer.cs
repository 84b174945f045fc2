using System.Diagnostics;
using Npgsql;

namespace ConnectorHub.TestSupport;

/// <summary>
/// A throwaway PostgreSQL cluster for the test run: initdb into a temp folder (as the <c>postgres</c> user when the
/// tests run as root), started on a free loopback port, stopped when the test process exits. One per test process;
/// every test class gets its own database with <see cref="CreateDatabaseAsync"/>.
/// Set <c>CONNECTORHUB_TEST_POSTGRES</c> to an admin connection string to use an existing server instead.
/// </summary>
public sealed class PostgresServer
{
    private const string ExistingServerVariable = "CONNECTORHUB_TEST_POSTGRES";

    /// <summary>Extra <c>postgres</c> options for the throwaway cluster, such as <c>-c shared_buffers=1GB</c>.</summary>
    public const string ExtraOptionsVariable = "CONNECTORHUB_TEST_POSTGRES_OPTIONS";
    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync);
    private readonly string _adminConnectionString;

    private PostgresServer(string adminConnectionString) => _adminConnectionString = adminConnectionString;

    /// <summary>The run's shared server, started on first use.</summary>
    public static Task<PostgresServer> GetAsync() => Shared.Value;

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "test")
    {
        var name = $"{prefix}_{Guid.NewGuid():N}".ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(_adminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    private static async Task<PostgresServer> StartAsync()
    {
        if (Environment.GetEnvironmentVariable(ExistingServerVariable) is { Length: > 0 } existing)
        {
            return new PostgresServer(existing);
        }

        var binDirectory = FindBinDirectory();
        var root = Path.Combine(Path.GetTempPath(), $"connectorhub-pg-{Guid.NewGuid():N}");
        var data = Path.Combine(root, "data");
        Directory.CreateDirectory(root);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", ["postgres:postgres", root], asPostgres: false);
        }

        var port = FreePort.Next();
        await RunAsync(Path.Combine(binDirectory, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync", "--no-instructions"], asRoot);
        var options = $"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400 -c shared_buffers=64MB";

        // Benchmarks size the server for millions of rows (e.g. "-c shared_buffers=1GB"); later settings win.
        if (Environment.GetEnvironmentVariable(ExtraOptionsVariable) is { Length: > 0 } extra)
        {
            options += " " + extra;
        }

        await RunAsync(Path.Combine(binDirectory, "pg_ctl"), ["-D", data, "-o", options, "-l", Path.Combine(root, "log"), "-w", "-t", "60", "start"], asRoot);

        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(binDirectory, data, root, asRoot);
        return new PostgresServer($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false;Timeout=30");
    }

    private static void Stop(string binDirectory, string data, string root, bool asRoot)
    {
        try
        {
            RunAsync(Path.Combine(binDirectory, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], asRoot).GetAwaiter().GetResult();
            Directory.Delete(root, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            // Best effort at process exit: the temp folder is reclaimed by the OS eventually.
        }
    }

    private static string FindBinDirectory()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
            : [];
        return candidates.OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault()
            ?? throw new InvalidOperationException(
                "PostgreSQL server binaries (initdb, pg_ctl) were not found under /usr/lib/postgresql/*/bin. " +
                "Install them (apt-get install -y postgresql) or set CONNECTORHUB_TEST_POSTGRES to an admin connection string.");
    }

    private static async Task RunAsync(string file, string[] arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres)
        {
            foreach (var prefix in new[] { "-u", "postgres", "--", file })
            {
                start.ArgumentList.Add(prefix);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error}{await output}");
        }
    }
}
