using ConnectorHub.Core.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

using ConnectorHub.Tests.Predictions;

namespace ConnectorHub.Integration.Tests.Predictions;

/// <summary>Writes a <see cref="ShopHistory"/> straight into a store in bulk (binary COPY on PostgreSQL, multi-row inserts on SQLite).</summary>
public static class ShopSeed
{
    private static readonly DateTimeOffset Created = ShopHistory.Now.AddDays(-400);

    public static async Task WriteAsync(HubDatabase database, ShopHistory history)
    {
        if (database.Provider == StorageProvider.Postgres)
        {
            await using var connection = await database.PostgresDataSource.OpenConnectionAsync();
            await CopyAsync(connection, "COPY profiles (id, created_at, updated_at) FROM STDIN (FORMAT BINARY)", history.Customers, async (w, id) =>
            {
                await w.WriteAsync(id, NpgsqlDbType.Bigint);
                await w.WriteAsync(Created, NpgsqlDbType.TimestampTz);
                await w.WriteAsync(Created, NpgsqlDbType.TimestampTz);
            });
            var order = 0;
            await CopyAsync(connection, "COPY orders (source, order_id, profile_id, channel, currency, total, placed_at, stored_at) FROM STDIN (FORMAT BINARY)", history.Orders, async (w, o) =>
            {
                await w.WriteAsync("shop", NpgsqlDbType.Text);
                await w.WriteAsync($"o-{++order}", NpgsqlDbType.Text);
                await w.WriteAsync(o.Profile, NpgsqlDbType.Bigint);
                await w.WriteAsync("online", NpgsqlDbType.Text);
                await w.WriteAsync("USD", NpgsqlDbType.Text);
                await w.WriteAsync(o.Total, NpgsqlDbType.Numeric);
                await w.WriteAsync(o.At, NpgsqlDbType.TimestampTz);
                await w.WriteAsync(o.At, NpgsqlDbType.TimestampTz);
            });
            var message = 0;
            await CopyAsync(connection, "COPY events (source, message_id, type, name, profile_id, event_time, received_at) FROM STDIN (FORMAT BINARY)", history.Events, async (w, e) =>
            {
                await w.WriteAsync("web", NpgsqlDbType.Text);
                await w.WriteAsync($"m-{++message}", NpgsqlDbType.Text);
                await w.WriteAsync("track", NpgsqlDbType.Text);
                await w.WriteAsync(e.Name, NpgsqlDbType.Text);
                await w.WriteAsync(e.Profile, NpgsqlDbType.Bigint);
                await w.WriteAsync(e.At, NpgsqlDbType.TimestampTz);
                await w.WriteAsync(e.At, NpgsqlDbType.TimestampTz);
            });
            await using var analyze = new NpgsqlCommand("ANALYZE", connection);
            await analyze.ExecuteNonQueryAsync();
            return;
        }

        await using var sqlite = (SqliteConnection)await database.OpenConnectionAsync(CancellationToken.None);
        await using var transaction = (SqliteTransaction)await sqlite.BeginTransactionAsync();
        var created = SqliteTime.Write(Created);
        await new SqliteBulkInsert(sqlite, transaction, "profiles", ["id", "created_at", "updated_at"])
            .InsertAsync(history.Customers.Select(id => new object?[] { id, created, created }), CancellationToken.None);
        await new SqliteBulkInsert(sqlite, transaction, "orders", ["source", "order_id", "profile_id", "channel", "currency", "total", "placed_at", "stored_at"])
            .InsertAsync(history.Orders.Select((o, i) => new object?[] { "shop", $"o-{i + 1}", o.Profile, "online", "USD", (double)o.Total, SqliteTime.Write(o.At), SqliteTime.Write(o.At) }), CancellationToken.None);
        await new SqliteBulkInsert(sqlite, transaction, "events", ["source", "message_id", "type", "name", "profile_id", "event_time", "received_at"])
            .InsertAsync(history.Events.Select((e, i) => new object?[] { "web", $"m-{i + 1}", "track", e.Name, e.Profile, SqliteTime.Write(e.At), SqliteTime.Write(e.At) }), CancellationToken.None);
        await transaction.CommitAsync();
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, string copy, IEnumerable<T> rows, Func<NpgsqlBinaryImporter, T, Task> write)
    {
        await using var importer = await connection.BeginBinaryImportAsync(copy);
        foreach (var row in rows)
        {
            await importer.StartRowAsync();
            await write(importer, row);
        }

        await importer.CompleteAsync();
    }
}
