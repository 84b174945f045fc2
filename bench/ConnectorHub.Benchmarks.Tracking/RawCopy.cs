using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Npgsql;
using NpgsqlTypes;

namespace ConnectorHub.Benchmarks.Tracking;

/// <summary>
/// The baseline: the same events binary-COPYed straight into the same partitioned <c>events</c> table (same indexes),
/// as one would load them with no API, no validation, no dedup and no identity resolution.
/// </summary>
internal static class RawCopy
{
    public static async Task<TimeSpan> RunAsync(string connectionString, IReadOnlyList<JsonObject> events, int batchSize)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var clock = Stopwatch.StartNew();
        foreach (var chunk in events.Chunk(batchSize * 50))
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var importer = await connection.BeginBinaryImportAsync(
                "COPY events (source, message_id, type, name, user_id, anonymous_id, properties, context, event_time, received_at) FROM STDIN (FORMAT BINARY)");
            foreach (var e in chunk)
            {
                await importer.StartRowAsync();
                await importer.WriteAsync("raw", NpgsqlDbType.Text);
                await importer.WriteAsync(e["messageId"]!.GetValue<string>(), NpgsqlDbType.Text);
                await importer.WriteAsync(e["type"]!.GetValue<string>(), NpgsqlDbType.Text);
                await WriteAsync(importer, (e["event"] ?? e["name"])?.GetValue<string>());
                await WriteAsync(importer, e["userId"]?.GetValue<string>());
                await WriteAsync(importer, e["anonymousId"]?.GetValue<string>());
                await importer.WriteAsync((e["properties"] ?? e["traits"])!.ToJsonString(), NpgsqlDbType.Jsonb);
                await importer.WriteAsync(e["context"]!.ToJsonString(), NpgsqlDbType.Jsonb);
                await importer.WriteAsync(DateTimeOffset.Parse(e["timestamp"]!.GetValue<string>(), CultureInfo.InvariantCulture).ToUniversalTime(), NpgsqlDbType.TimestampTz);
                await importer.WriteAsync(TimeProvider.System.GetUtcNow(), NpgsqlDbType.TimestampTz);
            }

            await importer.CompleteAsync();
        }

        return clock.Elapsed;
    }

    private static Task WriteAsync(NpgsqlBinaryImporter importer, string? value) =>
        value is null ? importer.WriteNullAsync() : importer.WriteAsync(value, NpgsqlDbType.Text);
}
