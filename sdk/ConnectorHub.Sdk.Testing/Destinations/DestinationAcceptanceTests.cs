using ConnectorHub.Sdk.Testing.Destinations.Checks;
using ConnectorHub.Sdk.Testing.Skipping;
using Xunit;

namespace ConnectorHub.Sdk.Testing.Destinations;

/// <summary>
/// The acceptance tests every destination connector passes. Subclass it in the connector's test project with a
/// <see cref="DestinationAcceptanceFixture"/>: <c>public sealed class MyDestinationAcceptance(MyFixture fixture) :
/// DestinationAcceptanceTests&lt;MyFixture&gt;(fixture);</c>.
/// </summary>
/// <typeparam name="TFixture">The connector's fixture.</typeparam>
[Collection(AcceptanceCollection.Name)]
public abstract class DestinationAcceptanceTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DestinationAcceptanceFixture
{
    /// <summary>The fixture shared by the tests of the class.</summary>
    protected TFixture Fixture { get; } = fixture;

    /// <summary>See <see cref="DestinationChecks.SpecAsync"/>.</summary>
    [AcceptanceFact]
    public Task Spec_IsValidJsonSchema_WithSecretsMarked() => DestinationChecks.SpecAsync(Fixture);

    /// <summary>See <see cref="DestinationChecks.CheckSucceedsAsync"/>.</summary>
    [AcceptanceFact]
    public Task Check_Succeeds_OnGoodConfig() => DestinationChecks.CheckSucceedsAsync(Fixture);

    /// <summary>See <see cref="DestinationChecks.CheckFailsAsync"/>.</summary>
    [AcceptanceFact]
    public Task Check_FailsWithUsefulMessage_OnBadConfig() => DestinationChecks.CheckFailsAsync(Fixture);

    /// <summary>See <see cref="DestinationChecks.OneResultPerRecordAsync"/>.</summary>
    [AcceptanceFact]
    public Task Write_Batch_ReturnsOneResultPerRecord() => DestinationChecks.OneResultPerRecordAsync(Fixture);

    /// <summary>See <see cref="DestinationChecks.BatchLimitsAsync"/>.</summary>
    [AcceptanceFact]
    public Task Write_NeverSendsMoreThanThePlatformLimit() => DestinationChecks.BatchLimitsAsync(Fixture);

    /// <summary>See <see cref="DestinationChecks.RateLimitedWritesAsync"/>.</summary>
    [AcceptanceFact]
    public Task Write_Completes_WhenRateLimited() => DestinationChecks.RateLimitedWritesAsync(Fixture);

    /// <summary>See <see cref="DestinationChecks.ReplayCreatesNoDuplicatesAsync"/>.</summary>
    [AcceptanceFact]
    public Task Write_ReplayedBatch_CreatesNoDuplicates() => DestinationChecks.ReplayCreatesNoDuplicatesAsync(Fixture);

    /// <summary>See <see cref="DestinationChecks.RejectionReasonsAsync"/>.</summary>
    [AcceptanceFact]
    public Task Write_RejectedRecords_CarryThePlatformsReason() => DestinationChecks.RejectionReasonsAsync(Fixture);
}
