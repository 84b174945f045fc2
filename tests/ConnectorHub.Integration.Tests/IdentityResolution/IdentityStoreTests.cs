using ConnectorHub.Core.Storage;
using ConnectorHub.Core.Tests.IdentityResolution;
using ConnectorHub.Integration.Tests.Support;
using ConnectorHub.Sdk.Canonical;

namespace ConnectorHub.Integration.Tests.IdentityResolution;

public sealed class IdentityStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [ClassData(typeof(Stores))]
    public async Task Profiles_AreTheConnectedComponents_WhateverTheOrderAndBatching_WhenNothingHasALimit(StorageProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        for (var seed = 0; seed < 12; seed++)
        {
            var random = new Random(seed);
            var fragments = FragmentGraph.Random(random, count: 40 + random.Next(60), pool: 30 + random.Next(80), T0);
            var expected = FragmentGraph.Components(fragments);
            foreach (var batchSize in new[] { fragments.Count, 1 + random.Next(12) })
            {
                await store.Database.ClearProfilesAsync();

                var results = await store.Resolver(Rules.Unlimited(batchSize)).ResolveAsync(FragmentGraph.Shuffled(random, fragments), CancellationToken.None);

                Assert.All(results, r => Assert.NotNull(r.ProfileId));
                Assert.True(expected.SetEquals(await store.Database.PartitionAsync()), $"seed {seed}, batch size {batchSize}: the stored profiles differ from the connected components.");
                Assert.Equal(expected.Count, await store.Database.CountAsync("SELECT count(*) FROM profiles WHERE merged_into IS NULL"));
            }
        }
    }

    [Theory]
    [ClassData(typeof(Stores))]
    public async Task TwoDifferentUserIds_NeverMerge_AndTheHistorySaysWhyTheEmailWasDropped(StorageProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);

        var results = await store.Resolver(Rules.Default()).ResolveAsync(
        [
            Fragment("crm", "c-1", T0, ("user_id", "u-1"), ("email", "ann@example.com")),
            Fragment("shop", "s-9", T0, ("user_id", "u-2"), ("email", "ann@example.com")),
        ], CancellationToken.None);
        var second = await store.Profiles().GetAsync(results[1].ProfileId!.Value, CancellationToken.None);

        Assert.NotEqual(results[0].ProfileId, results[1].ProfileId);
        Assert.Equal(["user_id:u-2"], second.Identifiers.Select(i => $"{i.Type}:{i.Value}"));
        var drop = Assert.Single(second.History);
        Assert.Equal(("drop", "email:ann@example.com", "shop", "s-9"), (drop.Kind, drop.Identifier, drop.Source, drop.RecordKey));
        Assert.Contains($"belongs to profile {results[0].ProfileId}; joining the two would give 2 user_id values", drop.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(Stores))]
    public async Task ASharedBlockedEmail_NeverMergesStrangers(StorageProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var rules = Rules.Default(o => o.BlockedValues.Add("support@company.com"));

        var results = await store.Resolver(rules).ResolveAsync(
        [
            Fragment("pos", "1", T0, ("phone", "+15550001"), ("email", "support@company.com")),
            Fragment("pos", "2", T0, ("phone", "+15550002"), ("email", "support@company.com")),
        ], CancellationToken.None);

        Assert.NotEqual(results[0].ProfileId, results[1].ProfileId);
        Assert.Equal(0, await store.Database.CountAsync("SELECT count(*) FROM profile_merges"));
        Assert.Equal(0, await store.Database.CountAsync("SELECT count(*) FROM profile_identifiers WHERE type = 'email'"));
        var history = (await store.Profiles().GetAsync(results[0].ProfileId!.Value, CancellationToken.None)).History;
        Assert.Contains("ConnectorHub:Identity:BlockedValues", Assert.Single(history).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(Stores))]
    public async Task AThirdEmail_BeyondALimitOfTwo_IsDroppedAndRecorded(StorageProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var resolver = store.Resolver(Rules.Default(o => o.Types["email"].Limit = 2));

        await resolver.ResolveAsync([Fragment("crm", "1", T0, ("user_id", "u-1"), ("email", "a@example.com"))], CancellationToken.None);
        await resolver.ResolveAsync([Fragment("crm", "1", T0.AddDays(1), ("user_id", "u-1"), ("email", "b@example.com"))], CancellationToken.None);
        var results = await resolver.ResolveAsync([Fragment("crm", "1", T0.AddDays(2), ("user_id", "u-1"), ("email", "c@example.com"))], CancellationToken.None);
        var profile = await store.Profiles().GetAsync(results[0].ProfileId!.Value, CancellationToken.None);

        Assert.Equal(["a@example.com", "b@example.com"], profile.Identifiers.Where(i => i.Type == "email").Select(i => i.Value));
        var drop = Assert.Single(profile.History);
        Assert.Equal("email:c@example.com", drop.Identifier);
        Assert.Contains("already has 2 email values", drop.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(Stores))]
    public async Task Merges_KeepTheOldestProfile_AndEveryMergedIdLeadsToIt(StorageProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var resolver = store.Resolver(Rules.Default());
        var a = (await resolver.ResolveAsync([Fragment("crm", "a", T0, ("email", "ann@example.com"))], CancellationToken.None))[0].ProfileId!.Value;
        var b = (await resolver.ResolveAsync([Fragment("pos", "b", T0, ("phone", "+15550001"))], CancellationToken.None))[0].ProfileId!.Value;
        var c = (await resolver.ResolveAsync([Fragment("web", "c", T0, ("anonymous_id", "anon-1"))], CancellationToken.None))[0].ProfileId!.Value;

        await resolver.ResolveAsync([Fragment("web", "bc", T0.AddHours(1), ("phone", "+15550001"), ("anonymous_id", "anon-1"))], CancellationToken.None);
        await resolver.ResolveAsync([Fragment("crm", "ab", T0.AddHours(2), ("email", "ann@example.com"), ("phone", "+1 555 0001"))], CancellationToken.None);
        var profile = await store.Profiles().GetAsync(a, CancellationToken.None);

        Assert.Equal((a, a, a), (await store.Profiles().SurvivorOfAsync(a, CancellationToken.None), await store.Profiles().SurvivorOfAsync(b, CancellationToken.None), await store.Profiles().SurvivorOfAsync(c, CancellationToken.None)));
        Assert.Equal([b, c], profile.MergedFrom);
        Assert.Equal(3, profile.Identifiers.Count);
        Assert.Collection(profile.History,
            m => Assert.Equal(("merge", a, b, "phone:+15550001", "crm", "ab"), (m.Kind, m.SurvivorId!.Value, m.MergedId!.Value, m.Identifier, m.Source, m.RecordKey)),
            m => Assert.Equal(("merge", b, c, "anonymous_id:anon-1", "web", "bc"), (m.Kind, m.SurvivorId!.Value, m.MergedId!.Value, m.Identifier, m.Source, m.RecordKey)));
    }

    [Theory]
    [ClassData(typeof(Stores))]
    public async Task ABackfillAfterFreshData_KeepsTheFreshTraits_AndDatesTheIdentifierFromItsFirstObservation(StorageProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var resolver = store.Resolver(Rules.Default(o => o.TraitSourcePriority["first_name"] = ["crm"]));
        await resolver.ResolveAsync([Fragment("crm", "c-1", T0.AddDays(10), ("email", "ann@example.com")) with { Traits = new ProfileTraits { FirstName = "Ann", LastName = "Lee-Smith" } }], CancellationToken.None);

        var results = await resolver.ResolveAsync(
        [
            Fragment("backfill", "old-7", T0, ("email", "ann@example.com")) with { Traits = new ProfileTraits { FirstName = "Annie", LastName = "Lee", Company = "Acme" } },
            Fragment("pos", "p-3", T0.AddDays(20), ("email", "ann@example.com")) with { Traits = new ProfileTraits { FirstName = "ANN" } },
        ], CancellationToken.None);
        var profile = await store.Profiles().GetAsync(results[0].ProfileId!.Value, CancellationToken.None);

        Assert.Equal(("Ann", "crm"), (profile.Traits["first_name"].Value.GetString(), profile.Traits["first_name"].Source));
        Assert.Equal(("Lee-Smith", "crm", T0.AddDays(10)), (profile.Traits["last_name"].Value.GetString(), profile.Traits["last_name"].Source, profile.Traits["last_name"].ObservedAt));
        Assert.Equal(("Acme", "backfill"), (profile.Traits["company"].Value.GetString(), profile.Traits["company"].Source));
        var email = Assert.Single(profile.Identifiers);
        Assert.Equal(("backfill", "old-7", T0, T0.AddDays(20)), (email.Source, email.RecordKey, email.FirstSeen, email.LastSeen));
    }

    [Theory]
    [ClassData(typeof(Stores))]
    public async Task ReplayingTheSameFragments_ChangesNothing(StorageProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var resolver = store.Resolver(Rules.Default(o => o.Types["email"].Limit = 1));
        var fragments = FragmentGraph.Random(new Random(7), count: 80, pool: 60, T0);
        await resolver.ResolveAsync(fragments, CancellationToken.None);
        var partition = await store.Database.PartitionAsync();
        var merges = await store.Database.CountAsync("SELECT count(*) FROM profile_merges");
        var drops = await store.Database.CountAsync("SELECT count(*) FROM identifier_drops");

        await resolver.ResolveAsync(fragments, CancellationToken.None);

        Assert.True(partition.SetEquals(await store.Database.PartitionAsync()));
        Assert.Equal(merges, await store.Database.CountAsync("SELECT count(*) FROM profile_merges"));
        Assert.Equal(drops, await store.Database.CountAsync("SELECT count(*) FROM identifier_drops"));
    }

    [Theory]
    [ClassData(typeof(Stores))]
    public async Task Search_FindsProfilesByTraitIgnoringCase_AndByIdentifierPrefix(StorageProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var results = await store.Resolver(Rules.Default()).ResolveAsync(
        [
            Fragment("crm", "1", T0, ("email", "ann@example.com")) with { Traits = new ProfileTraits { FirstName = "Ann" } },
            Fragment("crm", "2", T0, ("email", "anna@example.com")) with { Traits = new ProfileTraits { FirstName = "ANN" } },
            Fragment("crm", "3", T0, ("email", "bob@example.com"), ("user_id", "Ann-7")) with { Traits = new ProfileTraits { FirstName = "Bob" } },
        ], CancellationToken.None);
        var profiles = store.Profiles();

        var byTrait = await profiles.SearchByTraitAsync("first_name", "ann", 10, 0, CancellationToken.None);
        var byPrefix = await profiles.SearchByIdentifierPrefixAsync("Ann", 10, 0, CancellationToken.None);
        var paged = await profiles.SearchByIdentifierPrefixAsync("ann", 1, 1, CancellationToken.None);

        Assert.Equal([results[0].ProfileId!.Value, results[1].ProfileId!.Value], byTrait.Select(p => p.Id));
        Assert.Equal([results[0].ProfileId!.Value, results[1].ProfileId!.Value, results[2].ProfileId!.Value], byPrefix.Select(p => p.Id));
        Assert.Equal(results[1].ProfileId, Assert.Single(paged).Id);
        Assert.Equal("Bob", byPrefix[2].Traits["first_name"].GetString());
    }

    private static ProfileFragment Fragment(string source, string key, DateTimeOffset observedAt, params (string Type, string Value)[] identifiers) => new()
    {
        Source = source,
        RecordKey = key,
        ObservedAt = observedAt,
        Identifiers = identifiers.Select(i => new Identifier(i.Type, i.Value)).ToArray(),
    };
}
