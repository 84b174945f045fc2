using System.Text.Json;
using ConnectorHub.Core.Profiles;
using ConnectorHub.Core.Storage;
using Dapper;

namespace ConnectorHub.Integration.Tests.Segments;

/// <summary>Writes profiles, traits, identifiers, consent, events and orders straight into a store, as resolution would leave them.</summary>
public sealed class ProfileSeed(HubDatabase database)
{
    private static readonly DateTimeOffset Created = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private int _events;
    private int _orders;

    private object Time(DateTimeOffset value) => StoredTime.Write(database.Provider, value);

    private string Json(string parameter) => database.Provider == StorageProvider.Postgres ? parameter + "::jsonb" : parameter;

    public async Task ProfileAsync(long id, long? mergedInto = null)
    {
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        await connection.ExecuteAsync("INSERT INTO profiles (id, merged_into, created_at, updated_at) VALUES (@id, @mergedInto, @at, @at)", new { id, mergedInto, at = Time(Created) });
    }

    public async Task MergeAsync(long id, long into)
    {
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        await connection.ExecuteAsync("UPDATE profiles SET merged_into = @into WHERE id = @id", new { id, into });
    }

    /// <summary>Sets a trait to a JSON value (text, number, bool), replacing what was there.</summary>
    public async Task TraitAsync(long profile, string name, object value)
    {
        var json = JsonSerializer.Serialize(value);
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        await connection.ExecuteAsync("DELETE FROM profile_traits WHERE profile_id = @profile AND name = @name", new { profile, name });
        await connection.ExecuteAsync(
            $"INSERT INTO profile_traits (profile_id, name, value, search_value, source, observed_at) VALUES (@profile, @name, {Json("@json")}, @search, 'test', @at)",
            new { profile, name, json, search = FragmentTraits.SearchValue(json), at = Time(Created) });
    }

    public async Task IdentifierAsync(long profile, string type, string value)
    {
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        await connection.ExecuteAsync(
            "INSERT INTO profile_identifiers (value, type, profile_id, lock_bucket, source, first_seen, last_seen) VALUES (@value, @type, @profile, 0, 'test', @at, @at)",
            new { value, type, profile, at = Time(Created) });
    }

    public async Task EventAsync(long profile, string name, DateTimeOffset at, object? properties = null)
    {
        var id = ++_events;
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        await connection.ExecuteAsync(
            $"INSERT INTO events (source, message_id, type, name, profile_id, properties, event_time, received_at) VALUES ('test', @message, 'track', @name, @profile, {Json("@properties")}, @at, @at)",
            new { message = $"m-{id}", name, profile, properties = properties is null ? null : JsonSerializer.Serialize(properties), at = Time(at) });
    }

    public async Task OrderAsync(long profile, decimal total, DateTimeOffset placedAt)
    {
        var id = ++_orders;
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        await connection.ExecuteAsync(
            "INSERT INTO orders (source, order_id, profile_id, channel, currency, total, placed_at, stored_at) VALUES ('test', @order, @profile, 'online', 'USD', @total, @at, @at)",
            new { order = $"o-{id}", profile, total = database.Provider == StorageProvider.Postgres ? (object)total : (double)total, at = Time(placedAt) });
    }
}
