namespace ConnectorHub.Core.Tests.IdentityResolution;

public sealed class IdentityResolverPropertyTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Profiles_AreTheConnectedComponentsOfTheIdentifierGraph_WhateverTheOrderAndBatching_WhenNothingHasALimit()
    {
        for (var seed = 0; seed < 300; seed++)
        {
            var random = new Random(seed);
            var fragments = FragmentGraph.Random(random, count: 1 + random.Next(80), pool: 1 + random.Next(100), Start);
            var expected = FragmentGraph.Components(fragments);

            foreach (var batchSize in new[] { fragments.Count, 1 + random.Next(10) })
            {
                var (resolver, store) = Resolving.InMemory(Rules.Unlimited(batchSize));
                var order = FragmentGraph.Shuffled(random, fragments);
                var results = await resolver.ResolveAsync(order, CancellationToken.None);

                Assert.All(results, r => Assert.NotNull(r.ProfileId));
                Assert.True(expected.SetEquals(store.Partition()), $"seed {seed}, batch size {batchSize}: the profiles differ from the connected components.");
                Assert.Equal(expected.Count, store.Profiles.Count(p => p.Value is null));
            }
        }
    }

    [Fact]
    public async Task EveryFragment_EndsInTheProfileHoldingItsIdentifiers()
    {
        for (var seed = 0; seed < 100; seed++)
        {
            var random = new Random(seed);
            var fragments = FragmentGraph.Random(random, count: 40, pool: 60, Start);
            var (resolver, store) = Resolving.InMemory(Rules.Unlimited(1 + random.Next(15)));

            var results = await resolver.ResolveAsync(fragments, CancellationToken.None);

            for (var i = 0; i < fragments.Count; i++)
            {
                var survivor = Survivor(store, results[i].ProfileId!.Value);
                Assert.All(fragments[i].Identifiers, id => Assert.Equal(survivor, store.Identifiers[id].ProfileId));
            }
        }
    }

    private static long Survivor(InMemoryIdentityStore store, long id) => store.Profiles[id] ?? id;
}
