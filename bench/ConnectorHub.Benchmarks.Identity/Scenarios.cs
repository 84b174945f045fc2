using System.Diagnostics;
using System.Globalization;
using ConnectorHub.Core.IdentityResolution;
using ConnectorHub.Core.Storage;
using ConnectorHub.Sdk.Canonical;

namespace ConnectorHub.Benchmarks.Identity;

/// <summary>The two measurements: bulk resolution throughput against a raw insert of the same rows, and a small batch into a large store.</summary>
internal static class Scenarios
{
    /// <summary>Resolves <paramref name="fragments"/> into an empty store, then bulk inserts the rows it produced into another.</summary>
    public static async Task<string> ThroughputAsync(StorageProvider provider, IReadOnlyList<ProfileFragment> fragments, int batchSize, int concurrentBatches)
    {
        await using var resolved = await BenchStore.CreateAsync(provider);
        var clock = Stopwatch.StartNew();
        await resolved.Resolver(batchSize, concurrentBatches).ResolveAsync(fragments, CancellationToken.None);
        var resolve = clock.Elapsed;

        var rows = await RawTables.ReadAsync(resolved.Database);
        await using var raw = await BenchStore.CreateAsync(provider);
        clock.Restart();
        await rows.WriteAsync(raw.Database);
        var insert = clock.Elapsed;

        var profiles = await CountAsync(resolved.Database, "SELECT count(*) FROM profiles WHERE merged_into IS NULL");
        return string.Create(CultureInfo.InvariantCulture,
            $"| {provider} | {fragments.Count:N0} | {batchSize:N0} × {(provider == StorageProvider.Postgres ? concurrentBatches : 1)} | {profiles:N0} | {rows.RowCount:N0} | {resolve.TotalSeconds:F1} s | **{fragments.Count / resolve.TotalSeconds:N0}** | {insert.TotalSeconds:F1} s | {fragments.Count / insert.TotalSeconds:N0} | {resolve / insert:F1}x |");
    }

    /// <summary>Builds a store of <paramref name="people"/> profiles by bulk insert, then resolves 10,000 fragments (30% of them known people) into it.</summary>
    public static async Task<string> SmallBatchIntoLargeStoreAsync(StorageProvider provider, int people)
    {
        await using var store = await BenchStore.CreateAsync(provider);
        var clock = Stopwatch.StartNew();
        await BaseRows(people).WriteAsync(store.Database);
        var build = clock.Elapsed;
        var resolver = store.Resolver(10_000);

        // Warm the connection pool and plans with a small batch first, as a running hub would be.
        await resolver.ResolveAsync(BenchmarkData.Fragments(100, 3, "warm", existingPeople: people), CancellationToken.None);
        var batch = BenchmarkData.Fragments(10_000, 4, "new", existingPeople: people);
        clock.Restart();
        var results = await resolver.ResolveAsync(batch, CancellationToken.None);
        var elapsed = clock.Elapsed;
        var joined = results.Count(r => r.ProfileId <= people);
        return string.Create(CultureInfo.InvariantCulture,
            $"| {provider} | {people:N0} profiles ({build.TotalSeconds:F0} s to load) | 10,000 ({joined:N0} join existing profiles) | **{elapsed.TotalMilliseconds:N0} ms** |");
    }

    private static RawTables BaseRows(int people)
    {
        var rows = new RawTables();
        var at = new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var fragments = BenchmarkData.Fragments(people, 1, "base", overlap: 0);
        for (var i = 0; i < fragments.Count; i++)
        {
            long id = i + 1;
            rows.Add("profiles", [id, at, at]);
            foreach (var identifier in fragments[i].Identifiers)
            {
                rows.Add("profile_identifiers", [identifier.Value, identifier.Type, id, IdentityLocks.BucketOf(identifier), "crm", fragments[i].RecordKey, at, at]);
            }

            rows.Add("profile_traits", [id, "first_name", $"\"{fragments[i].Traits!.FirstName}\"", fragments[i].Traits!.FirstName!.ToLowerInvariant(), "crm", at]);
        }

        return rows;
    }

    private static async Task<long> CountAsync(HubDatabase database, string sql)
    {
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
