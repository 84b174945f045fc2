using ConnectorHub.Core.IdentityResolution;
using ConnectorHub.Core.IdentityResolution.Postgres;
using ConnectorHub.Core.IdentityResolution.Sqlite;
using ConnectorHub.Core.Profiles;
using ConnectorHub.Core.Storage;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConnectorHub.Integration.Tests.Support;

/// <summary>Identity resolution and profile reads over a <see cref="TestStore"/>.</summary>
public static class ProfileStore
{
    internal static IdentityResolver Resolver(HubDatabase database, IdentityRules rules) => new(
        database.Provider == StorageProvider.Postgres ? new PostgresIdentityStore(database) : new SqliteIdentityStore(database),
        rules, TimeProvider.System, NullLogger<IdentityResolver>.Instance);

    internal static IdentityResolver Resolver(this TestStore store, IdentityRules rules) => Resolver(store.Database, rules);

    public static ProfileService Profiles(this TestStore store) => new(store.Database);

    /// <summary>The partition of identifiers into profiles, independent of profile ids.</summary>
    public static async Task<HashSet<string>> PartitionAsync(this HubDatabase database)
    {
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        var rows = await connection.QueryAsync<(string Type, string Value, long ProfileId)>("SELECT type, value, profile_id FROM profile_identifiers");
        return rows.GroupBy(r => r.ProfileId).Select(g => string.Join(' ', g.Select(r => $"{r.Type}:{r.Value}").Order(StringComparer.Ordinal))).ToHashSet(StringComparer.Ordinal);
    }

    public static async Task<long> CountAsync(this HubDatabase database, string sql)
    {
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    /// <summary>Empties the identity graph, so one database serves several rounds of a test.</summary>
    public static async Task ClearProfilesAsync(this HubDatabase database)
    {
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        await connection.ExecuteAsync("DELETE FROM profiles; DELETE FROM profile_identifiers; DELETE FROM profile_traits; DELETE FROM profile_merges; DELETE FROM identifier_drops;");
    }
}
