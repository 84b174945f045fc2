using ConnectorHub.Connectors.Mailchimp.Tests.Support;
using ConnectorHub.Sandbox.Mailchimp;
using ConnectorHub.Sdk.Destinations;

namespace ConnectorHub.Connectors.Mailchimp.Tests.Writing;

public sealed class RejectionAndThrottlingTests : IAsyncLifetime
{
    private MailchimpSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await MailchimpSandbox.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task RejectedAndThrottledRecords_EachGetAResult_AndNothingIsLost()
    {
        var batch = People.Upserts(0, 12).ToList();
        batch[2] = People.Upsert("fake", People.Member(2) with { Email = ["jane@example.com"] });
        batch[3] = People.Upsert("invalid", People.Member(3) with { Email = ["not an email"] });
        batch[4] = People.Upsert("no-email", People.Member(4) with { Email = [] });
        batch[5] = new DestinationRecord("not-a-member", RecordOperation.Upsert, new() { ["email"] = 42 });
        _sandbox.Host.Faults.Add(MailchimpFaults.TooManyConnections(pathPrefix: $"/3.0/lists/{_sandbox.List.Id}", method: "POST"), times: 2);

        var results = await _sandbox.RunAsync(batch);

        Assert.Equal(batch.Select(r => r.Key), results.Select(r => r.Key));
        var rejected = results.Where(r => r.Outcome == RecordOutcome.Rejected).ToDictionary(r => r.Key, r => r.Reason!);
        Assert.Equal(["fake", "invalid", "no-email", "not-a-member"], rejected.Keys);
        Assert.Contains("looks fake or invalid", rejected["fake"], StringComparison.Ordinal);
        Assert.Contains("no email", rejected["no-email"], StringComparison.Ordinal);
        Assert.Contains("'email'", rejected["not-a-member"], StringComparison.Ordinal);
        Assert.Equal(8, results.Count(r => r.Outcome == RecordOutcome.Accepted));
        Assert.Equal(2, _sandbox.Host.Faults.Served);
        Assert.Equal([TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3)], _sandbox.Time.Delays);
        Assert.Equal(8, _sandbox.List.Members.Count);
    }

    [Fact]
    public async Task ThrottlingPastPatience_MarksTheBatchRetry_AndTheNextWriteDeliversIt()
    {
        _sandbox.Host.Faults.Add(MailchimpFaults.TooManyConnections(pathPrefix: $"/3.0/lists/{_sandbox.List.Id}", method: "POST"), times: 11);
        var batch = People.Upserts(0, 5);
        await using var writer = await _sandbox.OpenAsync();

        var first = (await writer.WriteAsync(batch, CancellationToken.None)).Results;
        var second = (await writer.WriteAsync(batch, CancellationToken.None)).Results;

        Assert.All(first, r => Assert.Equal(RecordOutcome.Retry, r.Outcome));
        Assert.Contains("10 simultaneous connections", first[0].Reason, StringComparison.Ordinal);
        Assert.All(second, r => Assert.Equal(RecordOutcome.Accepted, r.Outcome));
        Assert.Equal(5, _sandbox.List.Members.Count);
    }

    [Fact]
    public async Task FailingPerMemberCalls_BecomeRetry_WhileTheOthersSucceed()
    {
        await _sandbox.RunAsync(People.Upserts(0, 2));
        _sandbox.Host.Faults.Add(MailchimpFaults.InternalError(pathPrefix: $"/3.0/lists/{_sandbox.List.Id}/members/", method: "DELETE"), times: 6);

        var results = await _sandbox.RunAsync([People.Remove(0), People.Remove(1)], maxConnections: 1);

        Assert.Equal([RecordOutcome.Retry, RecordOutcome.Accepted], results.Select(r => r.Outcome));
        Assert.Equal("subscribed", _sandbox.List.Member(People.Email(0))!.Status);
        Assert.Equal("archived", _sandbox.List.Member(People.Email(1))!.Status);
    }
}
