using ConnectorHub.Connectors.MetaCustomAudiences.Tests.Support;
using ConnectorHub.Sandbox.Meta.Graph;
using ConnectorHub.Sdk.Destinations;

namespace ConnectorHub.Connectors.MetaCustomAudiences.Tests.Upload;

public sealed class RejectionAndThrottlingTests : IAsyncLifetime
{
    private MetaSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await MetaSandbox.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task RejectedAndThrottledRecords_EachGetAResult_AndNothingIsLost()
    {
        var batch = Members.Adds(0, 20).ToList();
        batch[3] = new DestinationRecord("no-identifier", RecordOperation.Add, new AudienceMember { Email = ["nope"], City = "Paris" }.ToJson());
        batch[4] = new DestinationRecord("not-a-member", RecordOperation.Add, new() { ["birthday"] = "yesterday" });
        batch[5] = new DestinationRecord("no-ads-consent", RecordOperation.Add, new AudienceMember { Email = ["x@shop.test"], Consent = new() { Ads = false } }.ToJson());
        _sandbox.Emulator.RejectValue(Sha.Hex(Members.Email(7)));
        _sandbox.Emulator.RejectValue(Sha.Hex(Members.Email(8)));
        _sandbox.Host.Faults.Add(MetaFaults.Throttled(minutesToRegainAccess: 3, pathPrefix: $"/v21.0/{_sandbox.Audience.Id}/users"), times: 2);

        await using var writer = await _sandbox.OpenAsync();
        var results = (await writer.WriteAsync(batch, CancellationToken.None)).Results;
        await writer.CompleteAsync(CancellationToken.None);

        Assert.Equal(batch.Select(r => r.Key), results.Select(r => r.Key));
        var rejected = results.Where(r => r.Outcome == RecordOutcome.Rejected).ToDictionary(r => r.Key, r => r.Reason!);
        Assert.Equal(["no-identifier", "not-a-member", "no-ads-consent", "profile-7", "profile-8"], rejected.Keys);
        Assert.Contains("No usable identifier", rejected["no-identifier"], StringComparison.Ordinal);
        Assert.Contains("'birthday'", rejected["not-a-member"], StringComparison.Ordinal);
        Assert.Contains("consent.ads", rejected["no-ads-consent"], StringComparison.Ordinal);
        Assert.Contains("EMAIL", rejected["profile-7"], StringComparison.Ordinal);
        Assert.Equal(15, results.Count(r => r.Outcome == RecordOutcome.Accepted));
        Assert.Equal(2, _sandbox.Host.Faults.Served);
        Assert.Equal([TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(3)], _sandbox.Time.Delays);
        var accepted = results.Where(r => r.Outcome == RecordOutcome.Accepted).Select(r => Sha.Hex(Members.Email(int.Parse(r.Key["profile-".Length..], System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal(accepted.ToHashSet(), _sandbox.Audience.Members.SelectMany(m => m["EMAIL"]).ToHashSet());
    }

    [Fact]
    public async Task ShortThrottles_AreWaitedOut_HoweverManyThereAre()
    {
        _sandbox.Host.Faults.Add(MetaFaults.UserRequestLimit(minutesToRegainAccess: 1, pathPrefix: $"/v21.0/{_sandbox.Audience.Id}/users"), times: 12);
        await using var writer = await _sandbox.OpenAsync();

        var results = (await writer.WriteAsync(Members.Adds(0, 10), CancellationToken.None)).Results;

        Assert.All(results, r => Assert.Equal(RecordOutcome.Accepted, r.Outcome));
        Assert.Equal(Enumerable.Repeat(TimeSpan.FromMinutes(1), 12), _sandbox.Time.Delays);
        Assert.Equal(10, _sandbox.Audience.Count);
    }

    [Fact]
    public async Task ThrottlingPastAnHourOfWaiting_MarksTheBatchRetry_AndTheNextWriteDeliversIt()
    {
        // 25 + 25 minutes are waited; a third wait would pass the hour, so the batch is given back to the hub.
        _sandbox.Host.Faults.Add(MetaFaults.UserRequestLimit(minutesToRegainAccess: 25, pathPrefix: $"/v21.0/{_sandbox.Audience.Id}/users"), times: 3);
        var batch = Members.Adds(0, 10);
        await using var writer = await _sandbox.OpenAsync();

        var first = (await writer.WriteAsync(batch, CancellationToken.None)).Results;
        var second = (await writer.WriteAsync(batch, CancellationToken.None)).Results;
        await writer.CompleteAsync(CancellationToken.None);

        Assert.All(first, r => Assert.Equal(RecordOutcome.Retry, r.Outcome));
        Assert.Equal([TimeSpan.FromMinutes(25), TimeSpan.FromMinutes(25)], _sandbox.Time.Delays);
        Assert.Contains("throttled", first[0].Reason, StringComparison.OrdinalIgnoreCase);
        Assert.All(second, r => Assert.Equal(RecordOutcome.Accepted, r.Outcome));
        Assert.Equal(10, _sandbox.Audience.Count);
        Assert.Equal(10, Assert.Single(_sandbox.Emulator.UsersRequests).Rows);
    }

    [Fact]
    public async Task TransientServerErrors_AreRetried_WithBackoff()
    {
        _sandbox.Host.Faults.Add(MetaFaults.ServiceUnavailable(pathPrefix: $"/v21.0/{_sandbox.Audience.Id}/users"), times: 2);
        await using var writer = await _sandbox.OpenAsync();

        var results = (await writer.WriteAsync(Members.Adds(0, 3), CancellationToken.None)).Results;

        Assert.All(results, r => Assert.Equal(RecordOutcome.Accepted, r.Outcome));
        Assert.Equal(2, _sandbox.Time.Delays.Count);
    }
}
