using System.Globalization;
using System.Text;
using ConnectorHub.Core.Storage;
using ConnectorHub.Tests.Predictions;
using Dapper;

namespace ConnectorHub.Host.Tests.Models;

/// <summary>Writes a <see cref="ShopHistory"/> into the host's SQLite store with multi-row inserts of literal values.</summary>
internal static class ShopRows
{
    public static async Task WriteAsync(HubDatabase database, ShopHistory history)
    {
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync();
        var created = history.Until.AddDays(-400).ToUnixTimeMilliseconds();
        await InsertAsync(connection, transaction, "profiles (id, created_at, updated_at)", history.Customers.Select(id => $"({id}, {created}, {created})"));
        await InsertAsync(connection, transaction, "orders (source, order_id, profile_id, channel, currency, total, placed_at, stored_at)",
            history.Orders.Select((o, i) => $"('shop', 'o-{i}', {o.Profile}, 'online', 'USD', {o.Total.ToString(CultureInfo.InvariantCulture)}, {o.At.ToUnixTimeMilliseconds()}, {o.At.ToUnixTimeMilliseconds()})"));
        await InsertAsync(connection, transaction, "events (source, message_id, type, name, profile_id, event_time, received_at)",
            history.Events.Select((e, i) => $"('web', 'm-{i}', 'track', '{e.Name}', {e.Profile}, {e.At.ToUnixTimeMilliseconds()}, {e.At.ToUnixTimeMilliseconds()})"));
        await transaction.CommitAsync();
    }

    private static async Task InsertAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, string into, IEnumerable<string> rows)
    {
        foreach (var chunk in rows.Chunk(500))
        {
            var sql = new StringBuilder("INSERT INTO ").Append(into).Append(" VALUES ").AppendJoin(", ", chunk);
            await connection.ExecuteAsync(sql.ToString(), transaction: transaction);
        }
    }
}
