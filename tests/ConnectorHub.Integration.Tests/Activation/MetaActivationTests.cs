using ConnectorHub.Core.Storage;
using ConnectorHub.Integration.Tests.Support;
using ConnectorHub.Sandbox.Meta.Graph;
using ConnectorHub.Sdk.Destinations;

namespace ConnectorHub.Integration.Tests.Activation;

public sealed class MetaActivationTests
{
    [Theory]
    [ClassData(typeof(Stores))]
    public async Task Activation_LandsInTheMetaAudienceHashed_AndNoRawEmailOrPhoneLeavesTheHub(StorageProvider provider)
    {
        await using var bed = await ActivationBed.StartAsync(provider);
        var segment = await bed.CreateSegmentAsync("vip");
        for (var id = 1; id <= 3; id++)
        {
            await bed.AddProfileAsync(id, ActivationBed.Email(id), phone: $"+1555987000{id}");
        }

        await bed.EnterAsync(segment, 1, 2, 3);
        var activation = await bed.CreateMetaActivationAsync(segment);

        var run = await bed.RunAsync(activation.Id);
        var sent = string.Join('\n', bed.MetaRequests.Requests);

        Assert.Equal(1.0, run.MatchRate);
        Assert.Equal(3, bed.Audience.Count);
        for (var id = 1; id <= 3; id++)
        {
            Assert.True(bed.Audience.Contains("EMAIL", Sha.Hex(ActivationBed.Email(id))));
            Assert.True(bed.Audience.Contains("PHONE", Sha.Hex($"1555987000{id}")));
            Assert.DoesNotContain(ActivationBed.Email(id), sent, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain($"555987000{id}", sent, StringComparison.Ordinal);
        }

        Assert.Contains(Sha.Hex(ActivationBed.Email(1)), sent, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(Stores))]
    public async Task MatchRate_IsAcceptedOverSent_AndMetasRejectionReasonIsKept(StorageProvider provider)
    {
        await using var bed = await ActivationBed.StartAsync(provider);
        var segment = await bed.CreateSegmentAsync("vip");
        for (var id = 1; id <= 4; id++)
        {
            await bed.AddProfileAsync(id, ActivationBed.Email(id));
        }

        bed.MetaEmulator.RejectValue(Sha.Hex(ActivationBed.Email(2)));
        await bed.EnterAsync(segment, 1, 2, 3, 4);
        var activation = await bed.CreateMetaActivationAsync(segment);

        var run = await bed.RunAsync(activation.Id);
        var rejections = await bed.Ledger.RejectionsAsync(activation.Id, 50, 0, CancellationToken.None);
        var runs = await bed.Ledger.RunsAsync(activation.Id, 10, CancellationToken.None);

        Assert.Equal((4L, 3L, 1L), (run.Sent, run.Accepted, run.Rejected));
        Assert.Equal(0.75, run.MatchRate);
        var rejection = Assert.Single(rejections);
        Assert.Equal((2L, RecordOperation.Add, RecordOutcome.Rejected, 1), (rejection.ProfileId, rejection.Operation, rejection.Outcome, rejection.Attempts));
        Assert.False(string.IsNullOrWhiteSpace(rejection.Reason));
        Assert.Equal(run, Assert.Single(runs));
    }

    [Theory]
    [ClassData(typeof(Stores))]
    public async Task RejectedAndThrottledRecords_AreRetriedAlone_UpToTheCap_UntilEveryoneIsDelivered(StorageProvider provider)
    {
        await using var bed = await ActivationBed.StartAsync(provider, new Dictionary<string, string?>
        {
            ["ConnectorHub:Activation:MaxBatchSize"] = "2",
            ["ConnectorHub:Activation:MaxAttempts"] = "2",
        });
        var segment = await bed.CreateSegmentAsync("vip");
        for (var id = 1; id <= 6; id++)
        {
            await bed.AddProfileAsync(id, ActivationBed.Email(id));
        }

        await bed.EnterAsync(segment, 1, 2, 3, 4, 5, 6);
        var activation = await bed.CreateMetaActivationAsync(segment);
        // Batches are [1,2] [3,4] [5,6]: Meta throttles the first past the connector's patience and rejects 3.
        bed.Meta.Faults.Add(MetaFaults.Throttled(60, pathPrefix: $"/v21.0/{bed.Audience.Id}/users"), times: 2);
        bed.MetaEmulator.RejectValue(Sha.Hex(ActivationBed.Email(3)));

        var first = await bed.RunAsync(activation.Id);
        var firstRecords = await bed.RecordsAsync(first.Id);
        var second = await bed.RunAsync(activation.Id);
        var secondRecords = await bed.RecordsAsync(second.Id);
        var third = await bed.RunAsync(activation.Id);
        var givenUp = Assert.Single(await bed.Ledger.RejectionsAsync(activation.Id, 50, 0, CancellationToken.None));

        // The person's email is corrected: a new payload is a fresh attempt, whatever the cap.
        await bed.AddIdentifierAsync(3, "email", "fixed3@shop.test");
        await bed.SetTraitAsync(3, "first_name", "Fixed");
        var fourth = await bed.RunAsync(activation.Id);

        Assert.Equal((6L, 3L, 1L, 2L), (first.Sent, first.Accepted, first.Rejected, first.Retry));
        Assert.Equal(["1 Retry", "2 Retry", "3 Rejected", "4 Accepted", "5 Accepted", "6 Accepted"], firstRecords.Select(r => $"{r.ProfileId} {r.Outcome}"));
        Assert.All(firstRecords.Where(r => r.Outcome != "Accepted"), r => Assert.False(string.IsNullOrWhiteSpace(r.Reason)));
        Assert.Equal(["1 Accepted", "2 Accepted", "3 Rejected"], secondRecords.Select(r => $"{r.ProfileId} {r.Outcome}"));
        Assert.Equal((0L, 1L), (third.Sent, third.Deferred));
        Assert.Equal((3L, 2, true), (givenUp.ProfileId, givenUp.Attempts, givenUp.GivenUp));
        Assert.Equal((1L, 1L), (fourth.Sent, fourth.Accepted));
        Assert.Empty(await bed.Ledger.RejectionsAsync(activation.Id, 50, 0, CancellationToken.None));
        Assert.Equal(6, bed.Audience.Count);
        Assert.True(bed.Audience.Contains("EMAIL", Sha.Hex("fixed3@shop.test")));
    }

    [Fact]
    public async Task FailedRecords_WaitForTheirBackoff_BeforeTheNextRunSendsThem()
    {
        await using var bed = await ActivationBed.StartAsync(StorageProvider.Sqlite, new Dictionary<string, string?>
        {
            ["ConnectorHub:Activation:RetryBaseDelay"] = "00:10:00",
        });
        var segment = await bed.CreateSegmentAsync("vip");
        await bed.AddProfileAsync(1, ActivationBed.Email(1));
        await bed.EnterAsync(segment, 1);
        var activation = await bed.CreateMetaActivationAsync(segment);
        bed.Meta.Faults.Add(MetaFaults.Throttled(60, pathPrefix: $"/v21.0/{bed.Audience.Id}/users"), times: 2);

        var failed = await bed.RunAsync(activation.Id);
        var early = await bed.RunAsync(activation.Id);
        bed.Clock.Advance(TimeSpan.FromMinutes(10));
        var due = await bed.RunAsync(activation.Id);

        Assert.Equal(1L, failed.Retry);
        Assert.Equal((0L, 1L), (early.Sent, early.Deferred));
        Assert.Equal((1L, 1L), (due.Sent, due.Accepted));
    }
}
