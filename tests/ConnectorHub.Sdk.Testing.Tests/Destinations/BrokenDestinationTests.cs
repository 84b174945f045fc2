using ConnectorHub.Sdk.Testing.Destinations;
using ConnectorHub.Sdk.Testing.Destinations.Checks;
using ConnectorHub.Sdk.Testing.Tests.Toys;
using Xunit.Sdk;

namespace ConnectorHub.Sdk.Testing.Tests.Destinations;

/// <summary>Each deliberately broken toy destination fails the check meant to catch it.</summary>
public sealed class BrokenDestinationTests
{
    public static TheoryData<ToyDestinationDefects, DestinationCheck, string> Defects => new()
    {
        { ToyDestinationDefects.OversizedRequests, DestinationCheck.BatchLimits, "its limit is 25" },
        { ToyDestinationDefects.DuplicatesOnReplay, DestinationCheck.ReplayCreatesNoDuplicates, "must be idempotent" },
        { ToyDestinationDefects.DropsRejectionReason, DestinationCheck.RejectionReasons, "should carry the platform's 'INVALID_EMAIL'" },
        { ToyDestinationDefects.LosesAResult, DestinationCheck.OneResultPerRecord, "without a result" },
    };

    [Theory]
    [MemberData(nameof(Defects))]
    public async Task Check_Fails_OnTheDefectItGuardsAgainst(ToyDestinationDefects defect, DestinationCheck check, string expected)
    {
        var fixture = new ToyDestinationFixture { Defects = defect };
        await fixture.InitializeAsync();
        try
        {
            var failure = await Assert.ThrowsAnyAsync<XunitException>(() => check switch
            {
                DestinationCheck.BatchLimits => DestinationChecks.BatchLimitsAsync(fixture),
                DestinationCheck.ReplayCreatesNoDuplicates => DestinationChecks.ReplayCreatesNoDuplicatesAsync(fixture),
                DestinationCheck.RejectionReasons => DestinationChecks.RejectionReasonsAsync(fixture),
                _ => DestinationChecks.OneResultPerRecordAsync(fixture),
            });
            Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }
}
