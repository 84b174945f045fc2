using ConnectorHub.Core.Hosting;
using ConnectorHub.Core.Runner;

namespace ConnectorHub.Core.Tests.Hosting;

public sealed class SyncRunnerOptionsValidatorTests
{
    private readonly SyncRunnerOptionsValidator _validator = new();

    [Fact]
    public void Defaults_AreValid() => Assert.True(_validator.Validate(null, new SyncRunnerOptions()).Succeeded);

    [Fact]
    public void EveryBadSetting_IsReported_WithItsFullKey()
    {
        var result = _validator.Validate(null, new SyncRunnerOptions
        {
            BatchSize = 0,
            FlushInterval = TimeSpan.Zero,
            ReadAhead = 0,
            HeartbeatInterval = TimeSpan.FromSeconds(10),
            StaleAfter = TimeSpan.FromSeconds(5),
            MaxResumes = -1,
            ResumeDelay = TimeSpan.FromSeconds(-1),
            MaxRecordRetries = -1,
        });

        Assert.Equal(
            ["BatchSize", "FlushInterval", "ReadAhead", "StaleAfter", "MaxResumes", "ResumeDelay", "MaxRecordRetries"],
            result.Failures!.Select(f => f.Split(' ')[0]["ConnectorHub:Runner:".Length..]));
        Assert.Contains("a live run would look dead", result.Failures!.Single(f => f.StartsWith("ConnectorHub:Runner:StaleAfter", StringComparison.Ordinal)), StringComparison.Ordinal);
    }
}
