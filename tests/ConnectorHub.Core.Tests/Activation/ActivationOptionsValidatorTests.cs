using ConnectorHub.Core.Activation;

namespace ConnectorHub.Core.Tests.Activation;

public sealed class ActivationOptionsValidatorTests
{
    private readonly ActivationOptionsValidator _validator = new();

    [Fact]
    public void Defaults_AreValid() => Assert.True(_validator.Validate(null, new ActivationOptions()).Succeeded);

    [Fact]
    public void EveryBadSetting_IsReported_WithItsFullKey()
    {
        var result = _validator.Validate(null, new ActivationOptions
        {
            PageSize = 0,
            MaxBatchSize = -1,
            MaxAttempts = 0,
            RetryBaseDelay = TimeSpan.FromHours(2),
            RetryMaxDelay = TimeSpan.FromHours(1),
            RetrySweepInterval = TimeSpan.Zero,
            BusyRetryDelay = TimeSpan.FromSeconds(-1),
        });

        Assert.Equal(
            ["PageSize", "MaxBatchSize", "MaxAttempts", "RetryMaxDelay", "RetrySweepInterval", "BusyRetryDelay"],
            result.Failures!.Select(f => f.Split(' ')[0]["ConnectorHub:Activation:".Length..]));
        Assert.Contains("use at least RetryBaseDelay", result.Failures!.Single(f => f.StartsWith("ConnectorHub:Activation:RetryMaxDelay", StringComparison.Ordinal)), StringComparison.Ordinal);
    }
}
