using ConnectorHub.Sdk.Testing.Skipping;
using ConnectorHub.Sdk.Testing.Sources.Checks;
using Xunit;

namespace ConnectorHub.Sdk.Testing.Sources;

/// <summary>
/// The acceptance tests every source connector passes. Subclass it in the connector's test project with a
/// <see cref="SourceAcceptanceFixture"/>: <c>public sealed class MySourceAcceptance(MyFixture fixture) :
/// SourceAcceptanceTests&lt;MyFixture&gt;(fixture);</c>. Each test runs one check of <see cref="SourceChecks"/>; a
/// check the fixture declares skipped (with a reason) is reported as skipped.
/// </summary>
/// <typeparam name="TFixture">The connector's fixture.</typeparam>
[Collection(AcceptanceCollection.Name)]
public abstract class SourceAcceptanceTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : SourceAcceptanceFixture
{
    /// <summary>The fixture shared by the tests of the class.</summary>
    protected TFixture Fixture { get; } = fixture;

    /// <summary>See <see cref="SourceChecks.SpecAsync"/>.</summary>
    [AcceptanceFact]
    public Task Spec_IsValidJsonSchema_WithSecretsMarked() => SourceChecks.SpecAsync(Fixture);

    /// <summary>See <see cref="SourceChecks.CheckSucceedsAsync"/>.</summary>
    [AcceptanceFact]
    public Task Check_Succeeds_OnGoodConfig() => SourceChecks.CheckSucceedsAsync(Fixture);

    /// <summary>See <see cref="SourceChecks.CheckFailsAsync"/>.</summary>
    [AcceptanceFact]
    public Task Check_FailsWithUsefulMessage_OnBadConfig() => SourceChecks.CheckFailsAsync(Fixture);

    /// <summary>See <see cref="SourceChecks.DiscoveryAsync"/>.</summary>
    [AcceptanceFact]
    public Task Discover_ReturnsValidStreams() => SourceChecks.DiscoveryAsync(Fixture);

    /// <summary>See <see cref="SourceChecks.RecordsMatchSchemaAsync"/>.</summary>
    [AcceptanceFact]
    public Task Read_EveryStream_ReturnsRecordsMatchingItsSchema() => SourceChecks.RecordsMatchSchemaAsync(Fixture);

    /// <summary>See <see cref="SourceChecks.FullRefreshesAgreeAsync"/>.</summary>
    [AcceptanceFact]
    public Task Read_TwoFullRefreshes_Agree() => SourceChecks.FullRefreshesAgreeAsync(Fixture);

    /// <summary>See <see cref="SourceChecks.IncrementalFromLastStateAsync"/>.</summary>
    [AcceptanceFact]
    public Task Read_IncrementalFromLastState_ReturnsNothingBeforeTheCursor() => SourceChecks.IncrementalFromLastStateAsync(Fixture);

    /// <summary>See <see cref="SourceChecks.FutureStateAsync"/>.</summary>
    [AcceptanceFact]
    public Task Read_FromFutureState_ReturnsNothing() => SourceChecks.FutureStateAsync(Fixture);

    /// <summary>See <see cref="SourceChecks.ResumeAfterCrashAsync"/>.</summary>
    [AcceptanceFact]
    public Task Read_ResumesFromLastState_AfterCrash_WithoutLossOrDuplicates() => SourceChecks.ResumeAfterCrashAsync(Fixture);

    /// <summary>See <see cref="SourceChecks.RateLimitStormAsync"/>.</summary>
    [AcceptanceFact]
    public Task Read_Completes_Through429StormWithRetryAfter() => SourceChecks.RateLimitStormAsync(Fixture);

    /// <summary>See <see cref="SourceChecks.TokenExpiryAsync"/>.</summary>
    [AcceptanceFact]
    public Task Read_RefreshesExpiredToken_AndPersistsRotatedRefreshToken() => SourceChecks.TokenExpiryAsync(Fixture);

    /// <summary>See <see cref="SourceChecks.PagingGuardsAsync"/>.</summary>
    [AcceptanceFact]
    public Task Read_StopsWithClearError_OnRepeatedOrEndlessPaging() => SourceChecks.PagingGuardsAsync(Fixture);

    /// <summary>See <see cref="SourceChecks.LargeStreamMemoryAsync"/>.</summary>
    [AcceptanceFact]
    public Task Read_LargeStream_InFlatMemory() => SourceChecks.LargeStreamMemoryAsync(Fixture);
}
