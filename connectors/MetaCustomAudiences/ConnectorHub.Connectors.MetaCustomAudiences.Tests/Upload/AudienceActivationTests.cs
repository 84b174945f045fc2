using ConnectorHub.Connectors.MetaCustomAudiences.Tests.Support;
using ConnectorHub.Sdk.Destinations;

namespace ConnectorHub.Connectors.MetaCustomAudiences.Tests.Upload;

public sealed class AudienceActivationTests : IAsyncLifetime
{
    private MetaSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await MetaSandbox.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task Write_AddsExactlyTheMembersSent_HashedOnly()
    {
        var batch = Members.Adds(0, 50);

        var results = await RunAsync(batch);

        Assert.All(results, r => Assert.Equal(RecordOutcome.Accepted, r.Outcome));
        Assert.Equal(batch.Select(r => r.Key), results.Select(r => r.Key));
        Assert.Equal(50, _sandbox.Audience.Count);
        var emails = _sandbox.Audience.Members.SelectMany(m => m["EMAIL"]).ToHashSet();
        Assert.Equal(Enumerable.Range(0, 50).Select(i => Sha.Hex(Members.Email(i))).ToHashSet(), emails);
        Assert.DoesNotContain(_sandbox.Audience.Members.SelectMany(m => m.Values.Values).SelectMany(v => v), v => v.Contains('@', StringComparison.Ordinal));
    }

    [Fact]
    public async Task Replay_OfTheSameBatch_CreatesNoDuplicates()
    {
        var batch = Members.Adds(0, 30);

        await RunAsync(batch);
        var second = await RunAsync(batch);

        Assert.All(second, r => Assert.Equal(RecordOutcome.Accepted, r.Outcome));
        Assert.Equal(30, _sandbox.Audience.Count);
        Assert.Equal(2, _sandbox.Audience.Sessions.Count);
    }

    [Fact]
    public async Task Remove_TakesMembersOut_AndAddThenRemoveInOneBatchKeepsTheirOrder()
    {
        await RunAsync(Members.Adds(0, 10));

        var results = await RunAsync([Members.Remove(0), Members.Remove(1), Members.Add(20), Members.Remove(20)]);

        Assert.All(results, r => Assert.Equal(RecordOutcome.Accepted, r.Outcome));
        Assert.Equal(8, _sandbox.Audience.Count);
        Assert.False(_sandbox.Audience.Contains("EMAIL", Sha.Hex(Members.Email(0))));
        Assert.False(_sandbox.Audience.Contains("EMAIL", Sha.Hex(Members.Email(20))));
        var removes = _sandbox.Emulator.UsersRequests.Where(r => r.Remove).ToList();
        Assert.Equal(removes[0].SessionId, removes[^1].SessionId);
    }

    [Fact]
    public async Task Session_CountsBatchesUp_AndCompleteSendsTheLastBatchFlag()
    {
        await using (var writer = await _sandbox.OpenAsync())
        {
            await writer.WriteAsync(Members.Adds(0, 5), CancellationToken.None);
            await writer.WriteAsync(Members.Adds(5, 5), CancellationToken.None);
            Assert.False(Assert.Single(_sandbox.Audience.Sessions).Value.Finished);
            await writer.CompleteAsync(CancellationToken.None);
        }

        var session = Assert.Single(_sandbox.Audience.Sessions).Value;
        Assert.True(session.Finished);
        Assert.Equal([1, 2, 3], session.BatchSequence);
        Assert.Equal(0, session.DiscardedBatches);
        Assert.Equal(10, _sandbox.Audience.Count);
    }

    [Fact]
    public async Task Write_SplitsMoreThan10000Rows_IntoRequestsOfAtMost10000_InOneSession_NeverSplittingAPerson()
    {
        // Two emails each: 6,000 people are 12,000 rows, so the limit is counted in rows, not records. Both rows
        // carry the person's external id, which is how Meta (and the emulator) knows they are one person.
        var batch = Enumerable.Range(0, 6_000)
            .Select(i => new DestinationRecord($"p{i}", RecordOperation.Add, new AudienceMember { Email = [Members.Email(i), $"alt{i}@shop.test"], ExternalId = $"crm-{i}" }.ToJson()))
            .ToArray();

        var results = await RunAsync(batch);

        Assert.Equal(6_000, results.Count(r => r.Outcome == RecordOutcome.Accepted));
        var requests = _sandbox.Emulator.UsersRequests;
        Assert.Equal([10_000, 2_000, 1], requests.Select(r => r.Rows));
        Assert.Equal([1, 2, 3], requests.Select(r => r.BatchSeq));
        Assert.Equal([false, false, true], requests.Select(r => r.LastBatchFlag));
        Assert.Single(requests.Select(r => r.SessionId).Distinct());
        Assert.Equal(6_000, _sandbox.Audience.Count);
        Assert.True(_sandbox.Audience.Members.All(m => m["EMAIL"].Count == 2));
    }

    [Fact]
    public void Capabilities_AnnounceMetasRequestLimit() =>
        Assert.Equal(10_000, _sandbox.Destination.GetCapabilities().MaxBatchSize);

    private async Task<IReadOnlyList<RecordResult>> RunAsync(IReadOnlyList<DestinationRecord> batch)
    {
        await using var writer = await _sandbox.OpenAsync();
        var result = await writer.WriteAsync(batch, CancellationToken.None);
        await writer.CompleteAsync(CancellationToken.None);
        return result.Results;
    }
}
