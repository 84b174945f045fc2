using ConnectorHub.Core.Predictions;
using ConnectorHub.Core.Predictions.Models;
using ConnectorHub.Core.Validation;

namespace ConnectorHub.Core.Tests.Predictions;

public sealed class ModelValidationTests
{
    private static readonly HashSet<string> ModelTraits = ["churn_risk", "predicted_ltv_90d"];

    [Fact]
    public void AGoodRequest_Passes()
    {
        ModelValidation.Check(new ModelRequest { Trait = "churn_risk", Kind = PredictionKind.Churn, Settings = new ModelSettings { Traits = ["plan"], Events = ["Product Viewed"] }, Schedule = "0 3 * * *" }, ModelTraits);
    }

    [Fact]
    public void EveryBadField_IsNamedByItsPath()
    {
        var error = Assert.Throws<HubValidationException>(() => ModelValidation.Check(new ModelRequest
        {
            Trait = "1st",
            Kind = (PredictionKind)7,
            Settings = new ModelSettings
            {
                HorizonDays = 1000,
                Events = ["ok", " ", "ok"],
                EventWindows = [0, 30],
                Traits = ["predicted_ltv_90d"],
                Trees = 5,
                Leaves = 1,
                MinimumExamplesPerLeaf = 0,
            },
            Schedule = "* *",
            TimeZone = "Mars/Olympus",
        }, ModelTraits));

        Assert.Equal(
            ["kind", "schedule", "settings.eventWindows[0]", "settings.events", "settings.events[1]", "settings.horizonDays", "settings.leaves", "settings.minimumExamplesPerLeaf",
             "settings.traits[0]", "settings.trees", "timeZone", "trait"],
            error.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("a model cannot learn from a prediction", error.Errors["settings.traits[0]"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Options_AreCheckedTogether_NamingEachSetting()
    {
        var result = new PredictionOptionsValidator().Validate(null, new PredictionOptions
        {
            HeartbeatInterval = TimeSpan.FromMinutes(1),
            StaleAfter = TimeSpan.FromMinutes(2),
            ScoreBatchSize = 0,
            MaxExamples = 10,
            MinimumExamples = 10,
            MinimumPerOutcome = 6,
        });

        Assert.True(result.Failed);
        Assert.Equal(4, result.Failures!.Count());
        Assert.All(result.Failures!, f => Assert.StartsWith("ConnectorHub:Predictions:", f, StringComparison.Ordinal));
        Assert.True(new PredictionOptionsValidator().Validate(null, new PredictionOptions()).Succeeded);
    }
}
