using System.Diagnostics;
using ConnectorHub.Core.IdentityResolution;
using Npgsql;

namespace ConnectorHub.Benchmarks.Identity;

/// <summary>
/// The store the rounds resolve into, loaded with binary COPY: <c>people</c> profiles of 3 identifiers (email, phone,
/// anonymous id) and a first name each, <c>eventsPerPerson</c> events each and an order for every third person, so
/// that a merge has events, orders and identifiers to move. Each event's <c>user_id</c> and each order's id keep the
/// person it was loaded for, to count afterwards what merges moved.
/// </summary>
internal static class IdentityWorld
{
    public static readonly DateTimeOffset LoadedAt = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task LoadAsync(string connectionString, int people, int eventsPerPerson)
    {
        var started = Stopwatch.GetTimestamp();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, "DROP INDEX ix_events_profile_id_event_time; DROP INDEX ix_events_name_event_time; DROP INDEX ix_orders_profile_id_placed_at");
        var at = LoadedAt;
        await BinaryCopy.Profiles.WriteAsync(connection, Range(people).Select(p => new object?[] { p, at, at }));
        await BinaryCopy.Identifiers.WriteAsync(connection, Range(people).SelectMany(p => new[] { People.BaseEmail(p), People.BasePhone(p), People.BaseAnonymousId(p) }
            .Select(i => new object?[] { i.Value, i.Type, p, IdentityLocks.BucketOf(i), "crm", People.Invariant($"base-{p}"), at, at })));
        await BinaryCopy.Traits.WriteAsync(connection, Range(people).Select(p =>
        {
            var name = People.FirstNames[p % People.FirstNames.Length];
            return new object?[] { p, "first_name", $"\"{name}\"", name.ToLowerInvariant(), "crm", at };
        }));
        await BinaryCopy.Events.WriteAsync(connection, Range(people).SelectMany(p => Enumerable.Range(0, eventsPerPerson).Select(k => new object?[]
        {
            "web", People.Invariant($"base-{p}-{k}"), "track", "Product Viewed", p, People.Invariant($"{p}"), at.AddDays(-k), at,
        })));
        await BinaryCopy.Orders.WriteAsync(connection, Range(people).Where(p => p % 3 == 0).Select(p => new object?[]
        {
            "shop", People.Invariant($"o{p}"), p, "online", "EUR", 42.5m, null, at.AddDays(-1), at,
        }));
        Console.WriteLine($"Loaded {people:N0} profiles, {people * 3:N0} identifiers, {(long)people * eventsPerPerson:N0} events and {people / 3:N0} orders in {Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s; indexing...");
        await ExecuteAsync(connection, """
            CREATE INDEX ix_events_profile_id_event_time ON events (profile_id, event_time DESC, id DESC);
            CREATE INDEX ix_events_name_event_time ON events (name, event_time);
            CREATE INDEX ix_orders_profile_id_placed_at ON orders (profile_id, placed_at DESC);
            """);
        await ExecuteAsync(connection, People.Invariant($"SELECT setval('profiles_id_seq', {people + 1}, false)"));
        await ExecuteAsync(connection, "VACUUM ANALYZE");
        Console.WriteLine($"Ready after {Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s.");
    }

    private static IEnumerable<long> Range(int people)
    {
        for (long p = 1; p <= people; p++)
        {
            yield return p;
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
