using Npgsql;
using NpgsqlTypes;

namespace ConnectorHub.Benchmarks.Identity;

/// <summary>Rows of one table, written with one binary COPY.</summary>
internal sealed record BinaryCopy(string Table, (string Column, NpgsqlDbType Type)[] Columns)
{
    public static readonly BinaryCopy Profiles = new("profiles", [("id", NpgsqlDbType.Bigint), ("created_at", NpgsqlDbType.TimestampTz), ("updated_at", NpgsqlDbType.TimestampTz)]);

    public static readonly BinaryCopy Identifiers = new("profile_identifiers",
    [
        ("value", NpgsqlDbType.Text), ("type", NpgsqlDbType.Text), ("profile_id", NpgsqlDbType.Bigint), ("lock_bucket", NpgsqlDbType.Integer),
        ("source", NpgsqlDbType.Text), ("record_key", NpgsqlDbType.Text), ("first_seen", NpgsqlDbType.TimestampTz), ("last_seen", NpgsqlDbType.TimestampTz),
    ]);

    public static readonly BinaryCopy Traits = new("profile_traits",
    [
        ("profile_id", NpgsqlDbType.Bigint), ("name", NpgsqlDbType.Text), ("value", NpgsqlDbType.Jsonb), ("search_value", NpgsqlDbType.Text),
        ("source", NpgsqlDbType.Text), ("observed_at", NpgsqlDbType.TimestampTz),
    ]);

    public static readonly BinaryCopy Events = new("events",
    [
        ("source", NpgsqlDbType.Text), ("message_id", NpgsqlDbType.Text), ("type", NpgsqlDbType.Text), ("name", NpgsqlDbType.Text),
        ("profile_id", NpgsqlDbType.Bigint), ("user_id", NpgsqlDbType.Text), ("event_time", NpgsqlDbType.TimestampTz), ("received_at", NpgsqlDbType.TimestampTz),
    ]);

    public static readonly BinaryCopy Orders = new("orders",
    [
        ("source", NpgsqlDbType.Text), ("order_id", NpgsqlDbType.Text), ("profile_id", NpgsqlDbType.Bigint), ("channel", NpgsqlDbType.Text),
        ("currency", NpgsqlDbType.Text), ("total", NpgsqlDbType.Numeric), ("customer_identifiers", NpgsqlDbType.Jsonb), ("placed_at", NpgsqlDbType.TimestampTz),
        ("stored_at", NpgsqlDbType.TimestampTz),
    ]);

    public async Task WriteAsync(NpgsqlConnection connection, IEnumerable<object?[]> rows)
    {
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {Table} ({string.Join(", ", Columns.Select(c => c.Column))}) FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            await importer.StartRowAsync();
            for (var i = 0; i < Columns.Length; i++)
            {
                if (row[i] is null)
                {
                    await importer.WriteNullAsync();
                }
                else
                {
                    await importer.WriteAsync(row[i], Columns[i].Type);
                }
            }
        }

        await importer.CompleteAsync();
    }
}
