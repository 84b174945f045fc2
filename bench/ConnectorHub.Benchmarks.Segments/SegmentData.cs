using System.Diagnostics;
using ConnectorHub.Core.Storage;
using Npgsql;
using NpgsqlTypes;

namespace ConnectorHub.Benchmarks.Segments;

/// <summary>
/// Loads the benchmark's world with binary COPY: profiles, one <c>plan</c> trait each (a quarter gold), and events
/// spread over the last year among ten names (a tenth "Order Completed"), into monthly partitions. The event indexes
/// are dropped for the load and rebuilt after, as a bulk import would.
/// </summary>
internal static class SegmentData
{
    private static readonly string[] Plans = ["gold", "silver", "bronze", "free"];
    private static readonly string[] EventNames =
        ["Order Completed", "Page Viewed", "Product Viewed", "Cart Viewed", "Signed In", "Searched", "Email Opened", "Email Clicked", "Added To Cart", "Checkout Started"];

    public static async Task LoadAsync(HubDatabase database, int profiles, int events, DateTimeOffset now)
    {
        var started = Stopwatch.GetTimestamp();
        await using var connection = (NpgsqlConnection)await database.OpenConnectionAsync(CancellationToken.None);
        await ExecuteAsync(connection, "DROP INDEX ix_events_profile_id_event_time; DROP INDEX ix_events_name_event_time;");
        var month = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        for (var m = -13; m <= 1; m++)
        {
            var from = month.AddMonths(m);
            await ExecuteAsync(connection, $"CREATE TABLE events_bench_{from:yyyyMM} PARTITION OF events FOR VALUES FROM ('{from:yyyy-MM-dd}+00') TO ('{from.AddMonths(1):yyyy-MM-dd}+00')");
        }

        await using (var copy = await connection.BeginBinaryImportAsync("COPY profiles (id, created_at, updated_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (long id = 1; id <= profiles; id++)
            {
                await copy.WriteRowAsync(CancellationToken.None, id, now.UtcDateTime, now.UtcDateTime);
            }

            await copy.CompleteAsync();
        }

        await using (var copy = await connection.BeginBinaryImportAsync("COPY profile_traits (profile_id, name, value, search_value, source, observed_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (long id = 1; id <= profiles; id++)
            {
                var plan = Plans[id % Plans.Length];
                await copy.StartRowAsync();
                await copy.WriteAsync(id, NpgsqlDbType.Bigint);
                await copy.WriteAsync("plan", NpgsqlDbType.Text);
                await copy.WriteAsync($"\"{plan}\"", NpgsqlDbType.Jsonb);
                await copy.WriteAsync(plan, NpgsqlDbType.Text);
                await copy.WriteAsync("bench", NpgsqlDbType.Text);
                await copy.WriteAsync(now.UtcDateTime, NpgsqlDbType.TimestampTz);
            }

            await copy.CompleteAsync();
        }

        var random = new Random(7);
        await using (var copy = await connection.BeginBinaryImportAsync("COPY events (id, source, message_id, type, name, profile_id, event_time, received_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (long id = 1; id <= events; id++)
            {
                var at = now.AddSeconds(-random.Next(365 * 24 * 3600)).UtcDateTime;
                await copy.StartRowAsync();
                await copy.WriteAsync(id, NpgsqlDbType.Bigint);
                await copy.WriteAsync("bench", NpgsqlDbType.Text);
                await copy.WriteAsync("m" + id, NpgsqlDbType.Text);
                await copy.WriteAsync("track", NpgsqlDbType.Text);
                await copy.WriteAsync(EventNames[random.Next(EventNames.Length)], NpgsqlDbType.Text);
                await copy.WriteAsync(1L + random.NextInt64(profiles), NpgsqlDbType.Bigint);
                await copy.WriteAsync(at, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(at, NpgsqlDbType.TimestampTz);
            }

            await copy.CompleteAsync();
        }

        Console.WriteLine($"Loaded {profiles:N0} profiles and {events:N0} events in {Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s; building indexes...");
        await ExecuteAsync(connection, """
            CREATE INDEX ix_events_profile_id_event_time ON events (profile_id, event_time DESC, id DESC);
            CREATE INDEX ix_events_name_event_time ON events (name, event_time);
            """);
        foreach (var table in new[] { "profiles", "profile_traits", "events" })
        {
            await ExecuteAsync(connection, $"VACUUM ANALYZE {table}"); // one statement each: VACUUM refuses to run in a batch
        }

        Console.WriteLine($"Ready after {Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s.");
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
