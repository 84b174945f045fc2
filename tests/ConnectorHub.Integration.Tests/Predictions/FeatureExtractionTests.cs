using ConnectorHub.Core.Predictions.Features;
using ConnectorHub.Core.Predictions.Models;
using ConnectorHub.Core.Storage;
using ConnectorHub.Integration.Tests.Segments;
using ConnectorHub.Integration.Tests.Support;
using Dapper;

using ConnectorHub.Tests.Predictions;

namespace ConnectorHub.Integration.Tests.Predictions;

/// <summary>
/// Features as of a cutoff, on both stores: only orders, events and trait values from before it count, the label
/// window after it gives the outcome, and a merged-away profile's history counts for its survivor.
/// </summary>
public sealed class FeatureExtractionTests
{
    private static readonly DateTimeOffset Cutoff = new(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory, ClassData(typeof(Stores))]
    public async Task Features_ReadOnlyThePast_LabelsReadTheWindowAfterTheCutoff_AndMergedProfilesCountForTheirSurvivor(StorageProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var seed = new ProfileSeed(store.Database);
        foreach (var id in new long[] { 1, 2, 3, 4 })
        {
            await seed.ProfileAsync(id);
        }

        await seed.MergeAsync(2, into: 1);
        await seed.OrderAsync(1, 100m, Cutoff.AddDays(-10));
        await seed.OrderAsync(2, 50m, Cutoff.AddDays(-40));          // the merged-away profile's order counts for 1
        await seed.OrderAsync(1, 30m, Cutoff.AddDays(5));            // in the label window
        await seed.OrderAsync(1, 999m, Cutoff.AddDays(45));          // after it: neither feature nor label
        await seed.OrderAsync(3, 20m, Cutoff.AddDays(1));            // only future orders: not eligible
        await seed.OrderAsync(4, 10m, Cutoff.AddDays(-100));
        await seed.EventAsync(1, "Product Viewed", Cutoff.AddDays(-3));
        await seed.EventAsync(2, "Product Viewed", Cutoff.AddDays(-20));
        await seed.EventAsync(1, "Page Viewed", Cutoff.AddDays(-2));
        await seed.EventAsync(1, "Product Viewed", Cutoff.AddDays(1)); // the future
        await seed.EventAsync(1, "Product Viewed", Cutoff.AddDays(-45)); // before the longest window
        await TraitAsync(store.Database, 1, "plan", "\"gold\"", Cutoff.AddDays(-1));
        await TraitAsync(store.Database, 4, "plan", "\"silver\"", Cutoff.AddDays(1));   // observed after the cutoff: unknown then
        await TraitAsync(store.Database, 1, "age", "41", Cutoff.AddDays(-1));

        var set = new FeatureSet(30, ["Product Viewed"], [7, 30], [new TraitFeature("plan", ["gold", "silver"]), new TraitFeature("age", null)]);
        var rows = new List<ProfileFeatures>();
        await foreach (var row in new FeatureReader(store.Database).ReadAsync(set, Cutoff, Cutoff.AddDays(30), CancellationToken.None))
        {
            rows.Add(row);
        }

        Assert.Equal([1L, 4L], rows.Select(r => r.ProfileId));
        var one = Named(set, rows[0]);
        Assert.Equal(10, one["days since last order"], 3);
        Assert.Equal(2, one["orders"]);
        Assert.Equal(150, one["spend"], 3);
        Assert.Equal(75, one["average order value"], 3);
        Assert.Equal(40, one["days since first order"], 3);
        Assert.Equal(1, one["orders in last 30 days"]);
        Assert.Equal(2, one["days since last event (up to 30 days)"], 3);
        Assert.Equal(2, one["events in last 7 days"]);
        Assert.Equal(3, one["events in last 30 days"]);
        Assert.Equal(1, one["Product Viewed in last 7 days"]);
        Assert.Equal(2, one["Product Viewed in last 30 days"]);
        Assert.Equal((1f, 0f, 41f), (one["trait plan = gold"], one["trait plan = silver"], one["trait age"]));
        Assert.Equal((1L, 30.0, false), (rows[0].FutureOrders, rows[0].FutureSpend, rows[0].Churned));

        var four = Named(set, rows[1]);
        Assert.Equal((100f, 31f, 0f, 0f), (four["days since last order"], four["days since last event (up to 30 days)"], four["events in last 30 days"], four["trait plan = silver"]));
        Assert.True(float.IsNaN(four["trait age"]));
        Assert.True(rows[1].Churned);

        // Scoring reads the same features as of now, with no label.
        var scoring = new List<ProfileFeatures>();
        await foreach (var row in new FeatureReader(store.Database).ReadAsync(set, Cutoff.AddDays(60), null, CancellationToken.None))
        {
            scoring.Add(row);
        }

        Assert.Equal([1L, 3L, 4L], scoring.Select(r => r.ProfileId));
        Assert.All(scoring, r => Assert.Equal((0L, 0.0), (r.FutureOrders, r.FutureSpend)));
        Assert.Equal(4, Named(set, scoring[0])["orders"]);
    }

    [Theory, ClassData(typeof(Stores))]
    public async Task Choice_TakesTheMostFrequentEventNamesBeforeTheTrainingCutoff_AndReadsTextTraitsAsIndicators(StorageProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var seed = new ProfileSeed(store.Database);
        await seed.ProfileAsync(1);
        await seed.ProfileAsync(2);
        foreach (var (name, count) in new[] { ("Product Viewed", 3), ("Cart Viewed", 2), ("Signed In", 1) })
        {
            for (var i = 0; i < count; i++)
            {
                await seed.EventAsync(1, name, Cutoff.AddDays(-i - 1));
            }
        }

        for (var i = 0; i < 5; i++)
        {
            await seed.EventAsync(1, "Only Later", Cutoff.AddDays(i + 1));
        }

        await seed.TraitAsync(1, "plan", "gold");
        await seed.TraitAsync(2, "plan", "silver");
        await seed.TraitAsync(1, "vip", true);

        var set = await new FeatureChoice(store.Database).ChooseAsync(
            new ModelSettings { HorizonDays = 30, EventWindows = [30], Traits = ["plan", "vip", "missing"] }, Cutoff, CancellationToken.None);

        Assert.Equal(["Product Viewed", "Cart Viewed", "Signed In"], set.EventNames);
        Assert.Equal(["trait plan = gold", "trait plan = silver", "trait vip", "trait missing"], set.Names.Where(n => n.StartsWith("trait ", StringComparison.Ordinal)));
    }

    private static Dictionary<string, float> Named(FeatureSet set, ProfileFeatures row) =>
        set.Names.Select((n, i) => (n, row.Values[i])).ToDictionary(p => p.n, p => p.Item2);

    private static async Task TraitAsync(HubDatabase database, long profile, string name, string json, DateTimeOffset observedAt)
    {
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        var value = database.Provider == StorageProvider.Postgres ? "@json::jsonb" : "@json";
        await connection.ExecuteAsync(
            $"INSERT INTO profile_traits (profile_id, name, value, search_value, source, observed_at) VALUES (@profile, @name, {value}, @search, 'test', @at)",
            new { profile, name, json, search = Core.Profiles.FragmentTraits.SearchValue(json), at = Core.Profiles.StoredTime.Write(database.Provider, observedAt) });
    }
}
