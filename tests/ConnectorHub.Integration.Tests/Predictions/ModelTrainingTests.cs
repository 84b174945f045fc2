using ConnectorHub.Core.Predictions.Models;
using ConnectorHub.Core.Predictions.Runs;
using ConnectorHub.Core.Storage;
using ConnectorHub.Integration.Tests.Support;
using Dapper;
using Xunit.Abstractions;

using ConnectorHub.Tests.Predictions;

namespace ConnectorHub.Integration.Tests.Predictions;

/// <summary>
/// Training on a shop's history with a known signal (browsing drops before orders stop) and on noise, on both stores:
/// the signal's models reach the stated quality, beat their baselines and become traits that segment rules read; the
/// noise's models are not published, and the run says why.
/// </summary>
public sealed class ModelTrainingTests(ITestOutputHelper output)
{
    /// <summary>The AUC the churn model reaches on the signal world's validation window (its baseline reaches about 0.68).</summary>
    public const double StatedChurnAuc = 0.78;

    private const int Customers = 2000;

    [Theory, ClassData(typeof(Stores))]
    public async Task Churn_OnAKnownSignal_ReachesTheStatedAuc_BeatsItsBaseline_AndBecomesATraitSegmentsRead(StorageProvider provider)
    {
        await using var world = await PredictionWorld.CreateAsync(provider, ShopHistory.Signal(Customers));
        var model = await world.CreateModelAsync("churn_risk_30d", PredictionKind.Churn);

        var run = await world.TrainAsync(model);
        Log(run);

        Assert.Equal(ModelRunStatus.Published, run.Status);
        var report = run.Report!;
        Assert.True(report.Model.Auc >= StatedChurnAuc, $"AUC {report.Model.Auc} is below {StatedChurnAuc}");
        Assert.True(report.Model.Auc > report.BaselineQuality.Auc);
        Assert.True(report.Model.Brier < report.BaselineQuality.Brier);
        Assert.All(report.Checks, c => Assert.True(c.Passed, c.Detail));
        Assert.Equal(10, report.Reliability!.Count);
        Assert.Equal(Customers, report.Reliability.Sum(b => b.Count));
        Assert.Contains(report.Importance.Take(3), f => f.Feature.StartsWith("Product Viewed", StringComparison.Ordinal) || f.Feature.StartsWith("days since last event", StringComparison.Ordinal));
        Assert.Equal(Customers, report.Distribution!.Bins.Sum(b => b.Count));
        Assert.Equal((1, (long)Customers), (run.Version, run.Scored));
        Assert.Equal(run.Id, (await world.Models.GetAsync(model.Id, CancellationToken.None)).PublishedRunId);

        // Every customer holds the trait, as the trait system keeps it: a number, the model's version as its source, the scoring time.
        var traits = await TraitsAsync(world.Database, "churn_risk_30d");
        Assert.Equal(Customers, traits.Count);
        Assert.All(traits, t => Assert.Equal(("model:churn_risk_30d:v1", ShopHistory.Now), (t.Source, t.ObservedAt)));
        var risky = traits.Count(t => t.Value > 0.5);
        Assert.InRange(risky, 200, Customers - 200);
        Assert.Equal(risky, await world.CountAsync("""{"trait":"churn_risk_30d","op":"greaterThan","value":0.5}"""));

        // Each score is explained by the features that moved it most.
        var scores = await world.Models.ScoresAsync(model.Id, 5, 0, CancellationToken.None);
        Assert.All(scores, s => Assert.InRange(s.Explanation.Count, 1, 5));
        Assert.True(scores[0].Score >= scores[^1].Score);
        var ofProfile = Assert.Single(await world.Models.ScoresOfProfileAsync(scores[0].ProfileId, CancellationToken.None));
        Assert.Equal((1, "churn_risk_30d"), (ofProfile.Version, ofProfile.Trait));
        Assert.Equal(Math.Round(ofProfile.Score, 4), traits.Single(t => t.Profile == ofProfile.ProfileId).Value, 4);
    }

    [Theory, ClassData(typeof(Stores))]
    public async Task Value_OnAKnownSignal_HasSmallerErrorsThanThePastAverage_AndRanksSpenders(StorageProvider provider)
    {
        await using var world = await PredictionWorld.CreateAsync(provider, ShopHistory.Signal(Customers));
        await using (var connection = await world.Database.OpenConnectionAsync(CancellationToken.None))
        {
            // A trait half the customers have (a number) and one they all have (text): missing values and indicators train too.
            var json = provider == StorageProvider.Postgres ? "::jsonb" : string.Empty;
            await connection.ExecuteAsync($"INSERT INTO profile_traits (profile_id, name, value, search_value, source, observed_at) SELECT id, 'age', '30'{json}, '30', 'test', created_at FROM profiles WHERE id % 2 = 0");
            await connection.ExecuteAsync($"INSERT INTO profile_traits (profile_id, name, value, search_value, source, observed_at) SELECT id, 'tier', CASE WHEN id % 3 = 0 THEN '\"gold\"' ELSE '\"basic\"' END{json}, CASE WHEN id % 3 = 0 THEN 'gold' ELSE 'basic' END, 'test', created_at FROM profiles");
        }

        var model = await world.CreateModelAsync("predicted_ltv_30d", PredictionKind.Value, new ModelSettings { HorizonDays = 30, EventWindows = [7, 30], Traits = ["age", "tier"] });

        var run = await world.TrainAsync(model);
        Log(run);

        Assert.Equal(ModelRunStatus.Published, run.Status);
        var report = run.Report!;
        Assert.True(report.Model.Mae < report.BaselineQuality.Mae);
        Assert.True(report.Model.RankCorrelation > 0.4, $"rank correlation {report.Model.RankCorrelation}");
        Assert.Equal(10, report.Lift!.Count);
        Assert.True(report.Lift[0].Lift > 1.5, $"top decile lift {report.Lift[0].Lift}");
        Assert.True(report.Lift[0].MeanActual > report.Lift[^1].MeanActual);
        Assert.Equal(Customers, await world.CountAsync("""{"trait":"predicted_ltv_30d","op":"greaterThan","value":-1}"""));
        Assert.Contains("trait age", report.Features);
        Assert.Contains("trait tier = gold", report.Features);
    }

    [Theory, ClassData(typeof(Stores))]
    public async Task Models_OnNoise_AreNotPublished_AndSayWhy(StorageProvider provider)
    {
        await using var world = await PredictionWorld.CreateAsync(provider, ShopHistory.Noise(Customers));
        var churn = await world.CreateModelAsync("churn_noise", PredictionKind.Churn);
        var value = await world.CreateModelAsync("value_noise", PredictionKind.Value);

        var churnRun = await world.TrainAsync(churn);
        var valueRun = await world.TrainAsync(value);
        Log(churnRun);
        Log(valueRun);

        foreach (var run in new[] { churnRun, valueRun })
        {
            Assert.Equal(ModelRunStatus.NotPublished, run.Status);
            Assert.Null(run.Version);
            Assert.StartsWith("It does not beat its baseline: ", run.Reason, StringComparison.Ordinal);
            Assert.Contains(run.Report!.Checks, c => !c.Passed);
            Assert.Null(run.Report.Distribution);
            Assert.Null((await world.Models.GetAsync(run.ModelId, CancellationToken.None)).PublishedRunId);
        }

        Assert.Contains("DeLong z", churnRun.Reason, StringComparison.Ordinal);
        Assert.Empty(await TraitsAsync(world.Database, "churn_noise"));
        Assert.Empty(await TraitsAsync(world.Database, "value_noise"));
    }

    [Theory, ClassData(typeof(Stores))]
    public async Task ANewVersion_ReplacesTheTraitOfTheLastOne(StorageProvider provider)
    {
        await using var world = await PredictionWorld.CreateAsync(provider, ShopHistory.Signal(Customers));
        var model = await world.CreateModelAsync("churn_risk_30d", PredictionKind.Churn);
        var first = await world.TrainAsync(model);
        world.Clock.Advance(TimeSpan.FromDays(1));

        var second = await world.TrainAsync(model);

        Assert.Equal((ModelRunStatus.Published, ModelRunStatus.Published), (first.Status, second.Status));
        Assert.Equal((1, 2), (first.Version, second.Version));
        var traits = await TraitsAsync(world.Database, "churn_risk_30d");
        Assert.All(traits, t => Assert.Equal(("model:churn_risk_30d:v2", ShopHistory.Now.AddDays(1)), (t.Source, t.ObservedAt)));
        var scores = await world.Models.ScoresAsync(model.Id, 500, 0, CancellationToken.None);
        Assert.All(scores, s => Assert.Equal(second.Id, s.RunId));
        Assert.Equal([second.Id, first.Id], (await world.Models.RunsAsync(model.Id, 10, 0, CancellationToken.None)).Select(r => r.Id));
    }

    [Theory, ClassData(typeof(Stores))]
    public async Task AShortHistory_IsNotPublished_SayingHowManyCustomersItHadAndNeeds(StorageProvider provider)
    {
        await using var world = await PredictionWorld.CreateAsync(provider, ShopHistory.Signal(100));
        var model = await world.CreateModelAsync("churn_risk_30d", PredictionKind.Churn);

        var run = await world.TrainAsync(model);

        Assert.Equal(ModelRunStatus.NotPublished, run.Status);
        Assert.Contains("Not enough history: the training window", run.Reason, StringComparison.Ordinal);
        Assert.Contains("has 100 customers with past orders", run.Reason, StringComparison.Ordinal);
        Assert.Contains("at least 200 customers", run.Reason, StringComparison.Ordinal);
    }

    internal static async Task<List<(long Profile, double Value, string Source, DateTimeOffset ObservedAt)>> TraitsAsync(HubDatabase database, string trait)
    {
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        var value = database.Provider == StorageProvider.Postgres ? "(value #>> '{}')::float8" : "CAST(value AS REAL)";
        var rows = await connection.QueryAsync<(long Profile, double Value, string Source, object ObservedAt)>(
            $"SELECT profile_id, {value}, source, observed_at FROM profile_traits WHERE name = @trait ORDER BY profile_id", new { trait });
        return rows.Select(r => (r.Profile, r.Value, r.Source, Core.Profiles.StoredTime.Read(r.ObservedAt))).ToList();
    }

    private void Log(ModelRunView run) =>
        output.WriteLine($"run {run.Id} {run.Status} v{run.Version}: {run.Reason} | {string.Join(" | ", run.Report?.Checks.Select(c => $"{c.Name}: {c.Passed} {c.Detail}") ?? [])} | seconds {string.Join(", ", run.Report?.Seconds ?? new Dictionary<string, double>())}");
}
