using ConnectorHub.Core.IdentityResolution;
using ConnectorHub.Core.Storage;
using ConnectorHub.Core.Tests.IdentityResolution;
using ConnectorHub.Integration.Tests.Support;
using ConnectorHub.Sdk.Canonical;

namespace ConnectorHub.Integration.Tests.IdentityResolution;

public sealed class ConcurrentResolutionTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(7)] // small batches: per-bucket locks, shared global lock
    [InlineData(5000)] // large batches: the exclusive global lock
    public async Task TwoRunsResolvingOverlappingFragmentsAtOnce_OnTwoConnections_GiveWhatOneRunWould(int batchSize)
    {
        var random = new Random(42);
        var fragments = FragmentGraph.Random(random, count: 600, pool: 500, T0);
        var (left, right) = (fragments.Where((_, i) => i % 2 == 0).ToList(), fragments.Where((_, i) => i % 3 != 0).ToList());
        await using var sequential = await TestStore.CreateAsync(StorageProvider.Postgres);
        await sequential.Resolver(Rules.Unlimited(batchSize, concurrentBatches: 1)).ResolveAsync([.. left, .. right], CancellationToken.None);
        var expected = await sequential.Database.PartitionAsync();

        for (var round = 0; round < 3; round++)
        {
            await using var concurrent = await TestStore.CreateAsync(StorageProvider.Postgres);
            // Each run also resolves its own batches several at once (ConcurrentBatches).
            var first = Task.Run(() => concurrent.Resolver(Rules.Unlimited(batchSize, concurrentBatches: 3)).ResolveAsync(FragmentGraph.Shuffled(random, left), CancellationToken.None));
            var second = Task.Run(() => concurrent.Resolver(Rules.Unlimited(batchSize, concurrentBatches: 3)).ResolveAsync(FragmentGraph.Shuffled(random, right), CancellationToken.None));
            var results = (await Task.WhenAll(first, second)).SelectMany(r => r).ToArray();

            Assert.All(results, r => Assert.NotNull(r.ProfileId));
            Assert.True(expected.SetEquals(await concurrent.Database.PartitionAsync()), $"round {round}: concurrent resolution gave other profiles than sequential resolution.");
            Assert.Equal(expected.Count, await concurrent.Database.CountAsync("SELECT count(*) FROM profiles WHERE merged_into IS NULL"));
            Assert.Equal(0, await concurrent.Database.CountAsync(
                "SELECT count(*) FROM profile_identifiers i JOIN profiles p ON p.id = i.profile_id WHERE p.merged_into IS NOT NULL"));
        }
    }

    [Fact]
    public async Task TwoRunsCreatingTheSameNewIdentifierAtOnce_ShareOneProfile()
    {
        await using var store = await TestStore.CreateAsync(StorageProvider.Postgres);
        var rules = Rules.Default(o => o.BatchSize = 1);
        var shared = Enumerable.Range(0, 200).Select(i => new ProfileFragment
        {
            Source = "web",
            ObservedAt = T0,
            Identifiers = [new Identifier("email", $"p{i}@example.com"), new Identifier("anonymous_id", $"a-{i}-{Guid.NewGuid():N}")],
        }).ToList();

        await Task.WhenAll(
            Task.Run(() => store.Resolver(rules).ResolveAsync(shared, CancellationToken.None)),
            Task.Run(() => store.Resolver(rules).ResolveAsync(shared.Select(f => f with { Identifiers = [f.Identifiers[0], new Identifier("phone", "+1555" + f.Identifiers[0].Value[1..^12].PadLeft(6, '0'))] }).ToList(), CancellationToken.None)));

        Assert.Equal(200, await store.Database.CountAsync("SELECT count(*) FROM profiles WHERE merged_into IS NULL"));
        Assert.Equal(200, await store.Database.CountAsync("SELECT count(DISTINCT profile_id) FROM profile_identifiers"));
    }
}
