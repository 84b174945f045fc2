using System.Globalization;
using ConnectorHub.Core.Storage;
using Dapper;

namespace ConnectorHub.Core.Profiles;

/// <summary>A profile's events and orders, newest first, in keyset pages (stable while new items arrive).</summary>
public sealed class ProfileTimeline(HubDatabase database, ProfileService profiles)
{
    private const char KeySeparator = '\u001f';

    /// <summary>Events of <paramref name="id"/> (and of the profiles merged into it) before <paramref name="before"/>.</summary>
    public async Task<Page<EventView>> EventsAsync(long id, int limit, string? before, CancellationToken cancellationToken)
    {
        ProfileService.CheckPage(limit, 0);
        var cursor = TimelineCursor.Parse(before);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var members = await MembersAsync(connection, id, cancellationToken);
        var json = database.Provider == StorageProvider.Postgres ? "::text" : string.Empty;
        var after = cursor is null ? string.Empty
            : cursor.Value.Key.Length == 0 ? "AND event_time < @time"
            : "AND (event_time < @time OR (event_time = @time AND id < @key))";
        var rows = (await connection.QueryAsync<EventRow>(new CommandDefinition(
            $"""
            SELECT id AS Id, source AS Source, message_id AS MessageId, type AS Type, name AS Name, user_id AS UserId, anonymous_id AS AnonymousId,
                   properties{json} AS Properties, context{json} AS Context, integrations{json} AS Integrations, event_time AS EventTime, received_at AS ReceivedAt
            FROM events WHERE {ProfileService.In(database.Provider, "profile_id", "members")} {after} ORDER BY event_time DESC, id DESC LIMIT @take
            """,
            new { members, time = Time(cursor), key = Key(cursor), take = limit + 1 }, cancellationToken: cancellationToken))).AsList();
        var items = rows.Take(limit).Select(r => new EventView(r.Id, r.Source, r.MessageId, r.Type, r.Name, r.UserId, r.AnonymousId,
            r.Properties is null ? null : ProfileService.Parse(r.Properties), r.Context is null ? null : ProfileService.Parse(r.Context),
            StoredTime.Read(r.EventTime), StoredTime.Read(r.ReceivedAt), r.Integrations is null ? null : ProfileService.Parse(r.Integrations))).ToArray();
        var next = rows.Count > limit ? new TimelineCursor(items[^1].Timestamp, items[^1].Id.ToString(CultureInfo.InvariantCulture)).Encode() : null;
        return new Page<EventView>(items, next);
    }

    /// <summary>Orders of <paramref name="id"/> (and of the profiles merged into it) placed before <paramref name="before"/>.</summary>
    public async Task<Page<OrderView>> OrdersAsync(long id, int limit, string? before, CancellationToken cancellationToken)
    {
        ProfileService.CheckPage(limit, 0);
        var cursor = TimelineCursor.Parse(before);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var members = await MembersAsync(connection, id, cancellationToken);
        var json = database.Provider == StorageProvider.Postgres ? "::text" : string.Empty;
        var key = cursor?.Key.Split(KeySeparator, 2);
        var after = cursor is null ? string.Empty
            : key is not [_, _] ? "AND placed_at < @time"
            : "AND (placed_at < @time OR (placed_at = @time AND (source < @source OR (source = @source AND order_id < @orderId))))";
        var rows = (await connection.QueryAsync<OrderRow>(new CommandDefinition(
            $"""
            SELECT source AS Source, order_id AS OrderId, channel AS Channel, status AS Status, currency AS Currency, total AS Total,
                   line_items{json} AS LineItems, placed_at AS PlacedAt, updated_at AS UpdatedAt
            FROM orders WHERE {ProfileService.In(database.Provider, "profile_id", "members")} {after} ORDER BY placed_at DESC, source DESC, order_id DESC LIMIT @take
            """,
            new { members, time = Time(cursor), source = key is [var s, _] ? s : null, orderId = key is [_, var o] ? o : null, take = limit + 1 },
            cancellationToken: cancellationToken))).AsList();
        var items = rows.Take(limit).Select(r => new OrderView(r.Source, r.OrderId, r.Channel, r.Status, r.Currency, r.Total,
            r.LineItems is null ? null : ProfileService.Parse(r.LineItems), StoredTime.Read(r.PlacedAt), StoredTime.ReadNullable(r.UpdatedAt))).ToArray();
        var next = rows.Count > limit ? new TimelineCursor(items[^1].PlacedAt, items[^1].Source + KeySeparator + items[^1].OrderId).Encode() : null;
        return new Page<OrderView>(items, next);
    }

    private async Task<long[]> MembersAsync(System.Data.Common.DbConnection connection, long id, CancellationToken cancellationToken)
    {
        var survivor = await profiles.SurvivorOfAsync(id, cancellationToken);
        var merged = await connection.QueryAsync<long>(new CommandDefinition("SELECT id FROM profiles WHERE merged_into = @survivor", new { survivor }, cancellationToken: cancellationToken));
        return merged.Append(survivor).ToArray();
    }

    private object? Time(TimelineCursor? cursor) => cursor is { } c ? StoredTime.Write(database.Provider, c.Time) : null;

    private static long? Key(TimelineCursor? cursor) =>
        cursor is { Key.Length: > 0 } c && long.TryParse(c.Key, CultureInfo.InvariantCulture, out var key) ? key : null;

    private sealed class EventRow
    {
        public long Id { get; init; }

        public string Source { get; init; } = string.Empty;

        public string MessageId { get; init; } = string.Empty;

        public string Type { get; init; } = string.Empty;

        public string? Name { get; init; }

        public string? UserId { get; init; }

        public string? AnonymousId { get; init; }

        public string? Properties { get; init; }

        public string? Context { get; init; }

        public string? Integrations { get; init; }

        public object EventTime { get; init; } = 0L;

        public object ReceivedAt { get; init; } = 0L;
    }

    private sealed class OrderRow
    {
        public string Source { get; init; } = string.Empty;

        public string OrderId { get; init; } = string.Empty;

        public string Channel { get; init; } = string.Empty;

        public string? Status { get; init; }

        public string Currency { get; init; } = string.Empty;

        public decimal Total { get; init; }

        public string? LineItems { get; init; }

        public object PlacedAt { get; init; } = 0L;

        public object? UpdatedAt { get; init; }
    }
}
