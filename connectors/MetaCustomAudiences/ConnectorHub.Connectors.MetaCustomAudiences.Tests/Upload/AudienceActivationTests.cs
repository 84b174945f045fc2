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
        Assert.Equal(2, _sandbox.Emulator.UsersRequests.Count);
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
        Assert.Equal([false, true], _sandbox.Emulator.UsersRequests.Select(r => r.Remove).Distinct().Order());
    }

    [Fact]
    public async Task EachRequestStandsAlone_AndCompleteSendsNothingMore_SoNoRowIsSentTwice()
    {
        await using (var writer = await _sandbox.OpenAsync())
        {
            await writer.WriteAsync(Members.Adds(0, 5), CancellationToken.None);
            await writer.WriteAsync(Members.Adds(5, 5), CancellationToken.None);
            await writer.CompleteAsync(CancellationToken.None);
        }

        var requests = _sandbox.Emulator.UsersRequests;
        Assert.Equal([5, 5], requests.Select(r => r.Rows));
        Assert.All(requests, r => Assert.Null(r.SessionId));
        Assert.Empty(_sandbox.Audience.Sessions);
        Assert.Equal(10, _sandbox.Audience.Count);
    }

    [Fact]
    public async Task Write_SplitsMoreThan10000Rows_IntoRequestsOfAtMost10000_NeverSplittingAPerson()
    {
        // Two emails each: 6,000 people are 12,000 rows, so the limit is counted in rows, not records. Both rows
        // carry the person's external id, which is how Meta (and the emulator) knows they are one person.
        var batch = Enumerable.Range(0, 6_000)
            .Select(i => new DestinationRecord($"p{i}", RecordOperation.Add, new AudienceMember { Email = [Members.Email(i), $"alt{i}@shop.test"], ExternalId = $"crm-{i}" }.ToJson()))
            .ToArray();

        var results = await RunAsync(batch);

        Assert.Equal(6_000, results.Count(r => r.Outcome == RecordOutcome.Accepted));
        var requests = _sandbox.Emulator.UsersRequests;
        Assert.Equal([10_000, 2_000], requests.Select(r => r.Rows));
        Assert.Equal(6_000, _sandbox.Audience.Count);
        Assert.True(_sandbox.Audience.Members.All(m => m["EMAIL"].Count == 2));
    }

    [Fact]
    public async Task GenderBirthDateAndMobileAdvertiserId_AreSent_HashedByMetasRules_WhenTheMemberHasThem()
    {
        var member = new AudienceMember
        {
            Email = ["gen@shop.test"], Gender = "Female", Birthday = new DateOnly(1990, 7, 4), Maid = ["6D92078A-8246-4BA4-AE5B-76104861E7DC"],
        };
        var without = new AudienceMember { Email = ["plain@shop.test"], Gender = "unknown", Birthday = new DateOnly(1850, 1, 1) };

        var results = await RunAsync([new DestinationRecord("p-gen", RecordOperation.Add, member.ToJson()), new DestinationRecord("p-plain", RecordOperation.Add, without.ToJson())]);

        Assert.All(results, r => Assert.Equal(RecordOutcome.Accepted, r.Outcome));
        Assert.Equal(["EMAIL", "GEN", "DOBY", "DOBM", "DOBD", "MADID"], Assert.Single(_sandbox.Emulator.UsersRequests).Schema);
        var person = _sandbox.Audience.Members.Single(m => m.Has("EMAIL", Sha.Hex("gen@shop.test")));
        Assert.Equal([Sha.Hex("f")], person["GEN"]);
        Assert.Equal([Sha.Hex("1990")], person["DOBY"]);
        Assert.Equal([Sha.Hex("07")], person["DOBM"]);
        Assert.Equal([Sha.Hex("04")], person["DOBD"]);
        Assert.Equal(["6d92078a-8246-4ba4-ae5b-76104861e7dc"], person["MADID"]);
        var plain = _sandbox.Audience.Members.Single(m => m.Has("EMAIL", Sha.Hex("plain@shop.test")));
        Assert.Empty(plain["GEN"]);
        Assert.Empty(plain["DOBY"]);
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
