using ConnectorHub.Core.Storage;
using ConnectorHub.Integration.Tests.Support;

namespace ConnectorHub.Integration.Tests.Activation;

public sealed class ActivationDiffTests
{
    [Theory]
    [ClassData(typeof(Stores))]
    public async Task Run_SendsExactlyTheAddsAndRemoves_AndNothingWhenTheSegmentDidNotChange(StorageProvider provider)
    {
        // Pages of 2 profiles and batches of 2 records: the diff crosses page and batch boundaries.
        await using var bed = await ActivationBed.StartAsync(provider, new Dictionary<string, string?>
        {
            ["ConnectorHub:Activation:PageSize"] = "2",
            ["ConnectorHub:Activation:MaxBatchSize"] = "2",
        });
        var segment = await bed.CreateSegmentAsync("vip");
        for (var id = 1; id <= 5; id++)
        {
            await bed.AddProfileAsync(id, ActivationBed.Email(id));
        }

        await bed.EnterAsync(segment, 1, 2, 3);
        var activation = await bed.CreateMetaActivationAsync(segment);

        var first = await bed.RunAsync(activation.Id);
        await bed.EnterAsync(segment, 4, 5);
        await bed.ExitAsync(segment, 1);
        var second = await bed.RunAsync(activation.Id);
        var secondRecords = await bed.RecordsAsync(second.Id);
        var requestsBefore = bed.MetaRequests.Requests.Count;
        var third = await bed.RunAsync(activation.Id);

        Assert.Equal((3L, 0L, 3L, 3L), (first.Adds, first.Removes, first.Sent, first.Accepted));
        Assert.Equal((2L, 1L, 3L, 3L), (second.Adds, second.Removes, second.Sent, second.Accepted));
        Assert.Equal([(1L, "Remove", "Accepted"), (4L, "Add", "Accepted"), (5L, "Add", "Accepted")], secondRecords.Select(r => (r.ProfileId, r.Operation, r.Outcome)));
        Assert.Equal((0L, 0L, 0L), (third.Adds, third.Removes, third.Sent));
        Assert.Null(third.MatchRate);
        Assert.Equal(requestsBefore, bed.MetaRequests.Requests.Count);
        Assert.Equal(4, bed.Audience.Count);
        Assert.All(bed.MetaEmulator.UsersRequests, r => Assert.InRange(r.Rows, 1, 2));
        Assert.False(bed.Audience.Contains("EMAIL", Sha.Hex(ActivationBed.Email(1))));
        Assert.All(new[] { 2, 3, 4, 5 }, id => Assert.True(bed.Audience.Contains("EMAIL", Sha.Hex(ActivationBed.Email(id))), $"profile {id} is in the audience"));
    }

    [Theory]
    [ClassData(typeof(Stores))]
    public async Task AnUnattendedRunWithNothingToSend_LeavesNoLedgerEntry_ButAManualOneIsRecorded(StorageProvider provider)
    {
        await using var bed = await ActivationBed.StartAsync(provider);
        var segment = await bed.CreateSegmentAsync("vip");
        await bed.AddProfileAsync(1, ActivationBed.Email(1));
        await bed.EnterAsync(segment, 1);
        var activation = await bed.CreateMetaActivationAsync(segment);
        await bed.RunAsync(activation.Id);

        var unattended = await bed.Runner.RunAsync(activation.Id, Core.Activation.ActivationTrigger.SegmentRefresh, CancellationToken.None);
        var runsAfterUnattended = await bed.Ledger.RunsAsync(activation.Id, 10, CancellationToken.None);
        var manual = await bed.RunAsync(activation.Id);

        Assert.Null(unattended);
        Assert.Single(runsAfterUnattended);
        Assert.Equal(0, manual.Sent);
        Assert.Equal(2, (await bed.Ledger.RunsAsync(activation.Id, 10, CancellationToken.None)).Count);
    }

    [Theory]
    [ClassData(typeof(Stores))]
    public async Task Run_TreatsARefusedAdsConsentAsNotAMember_AndRemovesThatProfile(StorageProvider provider)
    {
        await using var bed = await ActivationBed.StartAsync(provider);
        var segment = await bed.CreateSegmentAsync("vip");
        await bed.AddProfileAsync(1, ActivationBed.Email(1));
        await bed.AddProfileAsync(2, ActivationBed.Email(2), traits: new Dictionary<string, object> { ["consent.ads"] = false });
        await bed.EnterAsync(segment, 1, 2);
        var activation = await bed.CreateMetaActivationAsync(segment);

        var first = await bed.RunAsync(activation.Id);
        await bed.SetTraitAsync(1, "consent.ads", false);
        var second = await bed.RunAsync(activation.Id);

        Assert.Equal((1L, 1L), (first.Adds, first.Sent));
        Assert.Equal((0L, 1L, 1L), (second.Adds, second.Removes, second.Accepted));
        Assert.Equal(0, bed.Audience.Count);
        Assert.DoesNotContain(bed.MetaRequests.Requests, r => r.Contains(Sha.Hex(ActivationBed.Email(2)), StringComparison.Ordinal));
    }

    [Theory]
    [ClassData(typeof(Stores))]
    public async Task Run_ResendsOnlyMembersWhoseDataChanged_InMirrorMode(StorageProvider provider)
    {
        await using var bed = await ActivationBed.StartAsync(provider);
        var segment = await bed.CreateSegmentAsync("vip");
        await bed.AddProfileAsync(1, ActivationBed.Email(1));
        await bed.AddProfileAsync(2, ActivationBed.Email(2));
        await bed.EnterAsync(segment, 1, 2);
        var activation = await bed.CreateMetaActivationAsync(segment, Sdk.Destinations.DestinationSyncMode.Mirror);

        await bed.RunAsync(activation.Id);
        await bed.SetTraitAsync(2, "first_name", "Renamed");
        var second = await bed.RunAsync(activation.Id);
        var records = await bed.RecordsAsync(second.Id);

        Assert.Equal((0L, 1L, 1L), (second.Adds, second.Updates, second.Sent));
        Assert.Equal([(2L, "Upsert", "Accepted")], records.Select(r => (r.ProfileId, r.Operation, r.Outcome)));
    }
}
