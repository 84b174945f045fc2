using System.Globalization;
using System.Text.Json.Nodes;
using Npgsql;
using NpgsqlTypes;

namespace ConnectorHub.Benchmarks.Tracking;

/// <summary>
/// The baseline: the same events binary-COPYed straight into the same partitioned <c>events</c> table (same indexes),
/// as one would load them with no API, no validation, no dedup and no identity resolution. The rows are converted
/// before timing, so the baseline pays only for the COPY (a strict baseline), in transactions of 5,000 rows.
/// </summary>
internal static class RawCopy
{
    public const int RowsPerTransaction = 5_000;

    public static EventRow[] Prepare(IReadOnlyList<JsonObject> events) => events.Select(e => new EventRow(
        e["messageId"]!.GetValue<string>(),
        e["type"]!.GetValue<string>(),
        (e["event"] ?? e["name"])?.GetValue<string>(),
        e["userId"]?.GetValue<string>(),
        e["anonymousId"]?.GetValue<string>(),
        (e["properties"] ?? e["traits"])!.ToJsonString(),
        e["context"]!.ToJsonString(),
        DateTimeOffset.Parse(e["timestamp"]!.GetValue<string>(), CultureInfo.InvariantCulture).ToUniversalTime())).ToArray();

    public static async Task RunAsync(NpgsqlDataSource dataSource, EventRow[] rows)
    {
        var receivedAt = TimeProvider.System.GetUtcNow();
        foreach (var chunk in rows.Chunk(RowsPerTransaction))
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var importer = await connection.BeginBinaryImportAsync(
                "COPY events (source, message_id, type, name, user_id, anonymous_id, properties, context, event_time, received_at) FROM STDIN (FORMAT BINARY)");
            foreach (var row in chunk)
            {
                await importer.StartRowAsync();
                await importer.WriteAsync("raw", NpgsqlDbType.Text);
                await importer.WriteAsync(row.MessageId, NpgsqlDbType.Text);
                await importer.WriteAsync(row.Type, NpgsqlDbType.Text);
                await WriteAsync(importer, row.Name);
                await WriteAsync(importer, row.UserId);
                await WriteAsync(importer, row.AnonymousId);
                await importer.WriteAsync(row.Properties, NpgsqlDbType.Jsonb);
                await importer.WriteAsync(row.Context, NpgsqlDbType.Jsonb);
                await importer.WriteAsync(row.EventTime, NpgsqlDbType.TimestampTz);
                await importer.WriteAsync(receivedAt, NpgsqlDbType.TimestampTz);
            }

            await importer.CompleteAsync();
        }
    }

    private static Task WriteAsync(NpgsqlBinaryImporter importer, string? value) =>
        value is null ? importer.WriteNullAsync() : importer.WriteAsync(value, NpgsqlDbType.Text);

    internal sealed record EventRow(string MessageId, string Type, string? Name, string? UserId, string? AnonymousId, string Properties, string Context, DateTimeOffset EventTime);
}
