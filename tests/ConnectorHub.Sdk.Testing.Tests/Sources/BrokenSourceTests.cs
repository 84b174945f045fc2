using ConnectorHub.Sdk.Testing.Connections;
using ConnectorHub.Sdk.Testing.Skipping;
using ConnectorHub.Sdk.Testing.Sources;
using ConnectorHub.Sdk.Testing.Sources.Checks;
using ConnectorHub.Sdk.Testing.Tests.Toys;
using Xunit.Sdk;

namespace ConnectorHub.Sdk.Testing.Tests.Sources;

/// <summary>The proof the kit can fail: each deliberately broken toy source fails the check meant to catch it.</summary>
[Collection(AcceptanceCollection.Name)]
public sealed class BrokenSourceTests
{
    public static TheoryData<ToySourceDefects, SourceCheck, string> Defects => new()
    {
        { ToySourceDefects.UnmarkedSecret, SourceCheck.Spec, "'api_token' looks like a secret" },
        { ToySourceDefects.CheckAlwaysSucceeds, SourceCheck.CheckFails, "the check succeeded; it must fail" },
        { ToySourceDefects.PrimaryKeyNotInSchema, SourceCheck.Discovery, "the primary key 'uid' is not a property" },
        { ToySourceDefects.SchemaMismatch, SourceCheck.RecordsMatchSchema, "break the stream's schema" },
        { ToySourceDefects.CheckpointAheadOfRecords, SourceCheck.ResumeAfterCrash, "were never delivered" },
        { ToySourceDefects.NoRateLimitRetry, SourceCheck.RateLimitStorm, "Throttling must slow a read down" },
        { ToySourceDefects.NoPagingGuard, SourceCheck.PagingGuards, "did not end" },
        { ToySourceDefects.BuffersWholeStream, SourceCheck.LargeStreamMemory, "grew the retained heap" },
    };

    [Theory]
    [MemberData(nameof(Defects))]
    public async Task Check_Fails_OnTheDefectItGuardsAgainst(ToySourceDefects defect, SourceCheck check, string expected)
    {
        var fixture = new ToySourceFixture { Defects = defect };
        await fixture.InitializeAsync();
        try
        {
            var failure = await Assert.ThrowsAnyAsync<XunitException>(() => Run(check, fixture));
            Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }

    [Fact]
    public async Task Check_DeclaredSkippedWithoutReason_Fails()
    {
        var fixture = new ToySourceFixture();
        fixture.DeclareSkip(SourceCheck.Spec, " ");

        var failure = await Assert.ThrowsAnyAsync<XunitException>(() => SourceChecks.SpecAsync(fixture));

        Assert.Contains("without a reason", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_DeclaredSkippedWithReason_IsReportedAsSkippedWithIt()
    {
        var fixture = new ToySourceFixture();
        fixture.DeclareSkip(SourceCheck.Spec, "the spec is generated elsewhere");

        var skip = await Assert.ThrowsAsync<CheckSkippedException>(() => SourceChecks.SpecAsync(fixture));

        Assert.Contains("the spec is generated elsewhere", skip.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hook_NotOverridden_FailsNamingTheHookAndHowToSkip()
    {
        var failure = Assert.Throws<FixtureHookMissingException>(() => new ToySourceFixture().CreateOAuthConfig());

        Assert.Contains(nameof(SourceAcceptanceFixture.CreateOAuthConfig), failure.Message, StringComparison.Ordinal);
        Assert.Contains("Skip(TokenExpiry", failure.Message, StringComparison.Ordinal);
    }

    private static Task Run(SourceCheck check, ToySourceFixture fixture) => check switch
    {
        SourceCheck.Spec => SourceChecks.SpecAsync(fixture),
        SourceCheck.CheckFails => SourceChecks.CheckFailsAsync(fixture),
        SourceCheck.Discovery => SourceChecks.DiscoveryAsync(fixture),
        SourceCheck.RecordsMatchSchema => SourceChecks.RecordsMatchSchemaAsync(fixture),
        SourceCheck.ResumeAfterCrash => SourceChecks.ResumeAfterCrashAsync(fixture),
        SourceCheck.RateLimitStorm => SourceChecks.RateLimitStormAsync(fixture),
        SourceCheck.PagingGuards => SourceChecks.PagingGuardsAsync(fixture),
        SourceCheck.LargeStreamMemory => SourceChecks.LargeStreamMemoryAsync(fixture),
        _ => throw new ArgumentOutOfRangeException(nameof(check)),
    };
}
