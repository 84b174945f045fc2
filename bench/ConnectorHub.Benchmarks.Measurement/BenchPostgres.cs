using ConnectorHub.TestSupport;
using Npgsql;

namespace ConnectorHub.Benchmarks.Measurement;

/// <summary>
/// The throwaway PostgreSQL cluster of a benchmark (the tests' <see cref="PostgresServer"/>), started DURABLE: the
/// tests run it with <c>fsync=off</c>, <c>synchronous_commit=off</c> and <c>full_page_writes=off</c>, which a
/// benchmark must not, or "committed" would include no WAL flush. The options go through
/// <c>CONNECTORHUB_TEST_POSTGRES_OPTIONS</c>, whose settings come after (and so override) the tests' defaults. Set
/// <c>BENCH_PG_STATEMENTS=1</c> to load <c>pg_stat_statements</c> and print where PostgreSQL's time went.
/// </summary>
public static class BenchPostgres
{
    /// <summary>What makes a commit durable: a WAL flush before the commit returns, and whole pages after a checkpoint.</summary>
    public const string DurableSettings = "-c fsync=on -c synchronous_commit=on -c full_page_writes=on";

    private const string StatementsVariable = "BENCH_PG_STATEMENTS";

    /// <summary>Whether <c>pg_stat_statements</c> is loaded for this run.</summary>
    public static bool ProfilesStatements => Environment.GetEnvironmentVariable(StatementsVariable) == "1";

    /// <summary>
    /// Starts (once) the durable cluster with <paramref name="sizing"/> (e.g. <c>-c shared_buffers=1GB</c>) unless
    /// the caller set <c>CONNECTORHUB_TEST_POSTGRES_OPTIONS</c> (then theirs, followed by the durable settings, which
    /// win), and returns a fresh database's connection string.
    /// </summary>
    public static async Task<string> CreateDatabaseAsync(string prefix, string sizing)
    {
        var options = Environment.GetEnvironmentVariable(PostgresServer.ExtraOptionsVariable) is { Length: > 0 } chosen ? chosen : sizing;
        if (ProfilesStatements)
        {
            options += " -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all";
        }

        Environment.SetEnvironmentVariable(PostgresServer.ExtraOptionsVariable, options + " " + DurableSettings);
        var connectionString = await (await PostgresServer.GetAsync()).CreateDatabaseAsync(prefix);
        if (ProfilesStatements)
        {
            await ExecuteAsync(connectionString, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        }

        return connectionString;
    }

    /// <summary>The settings in force, as the server reports them, for the benchmark's output.</summary>
    public static async Task<string> DescribeAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT string_agg(name || '=' || current_setting(name), ', ' ORDER BY name) FROM pg_settings
            WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes', 'wal_sync_method', 'shared_buffers', 'max_wal_size', 'checkpoint_timeout', 'wal_level')
            """, connection);
        var settings = (string)(await command.ExecuteScalarAsync())!;
        return $"PostgreSQL {connection.PostgreSqlVersion}: {settings}";
    }

    /// <summary>Forgets the statements seen so far (no-op unless <c>BENCH_PG_STATEMENTS=1</c>).</summary>
    public static Task ResetStatementsAsync(string connectionString) =>
        ProfilesStatements ? ExecuteAsync(connectionString, "SELECT pg_stat_statements_reset()") : Task.CompletedTask;

    /// <summary>
    /// The statements that took PostgreSQL the most time since the last reset (no-op unless <c>BENCH_PG_STATEMENTS=1</c>),
    /// as a Markdown table.
    /// </summary>
    public static async Task<string?> TopStatementsAsync(string connectionString, int top = 12)
    {
        if (!ProfilesStatements)
        {
            return null;
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT round(total_exec_time::numeric / 1000, 2), round((100 * total_exec_time / sum(total_exec_time) OVER ())::numeric, 1), calls, rows,
                   round((wal_bytes / 1048576)::numeric, 1), regexp_replace(left(query, 160), '\s+', ' ', 'g')
            FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT @top
            """, connection);
        command.Parameters.AddWithValue("top", top);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string> { "| execution s | share | calls | rows | WAL MB | statement |", "|---:|---:|---:|---:|---:|---|" };
        while (await reader.ReadAsync())
        {
            lines.Add($"| {reader.GetDecimal(0)} | {reader.GetDecimal(1)}% | {reader.GetInt64(2):N0} | {reader.GetInt64(3):N0} | {reader.GetDecimal(4)} | `{reader.GetString(5).Replace("|", "\\|", StringComparison.Ordinal)}` |");
        }

        return string.Join(Environment.NewLine, lines);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
