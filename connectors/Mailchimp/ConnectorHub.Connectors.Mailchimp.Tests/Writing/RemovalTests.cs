using System.Text.Json.Nodes;
using ConnectorHub.Connectors.Mailchimp.Tests.Support;
using ConnectorHub.Sdk.Destinations;

namespace ConnectorHub.Connectors.Mailchimp.Tests.Writing;

public sealed class RemovalTests : IAsyncLifetime
{
    private MailchimpSandbox _sandbox = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await MailchimpSandbox.StartAsync();
        await _sandbox.RunAsync(People.Upserts(0, 3));
    }

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task Remove_ArchivesByDefault_AndSomeoneNotInTheListIsAlreadyRemoved()
    {
        var results = await _sandbox.RunAsync([People.Remove(0), People.Remove(99)]);

        Assert.All(results, r => Assert.Equal(RecordOutcome.Accepted, r.Outcome));
        Assert.Equal("archived", _sandbox.List.Member(People.Email(0))!.Status);
        Assert.Null(_sandbox.List.Member(People.Email(99)));
    }

    [Fact]
    public async Task Remove_Unsubscribes_WhenConfigured()
    {
        await _sandbox.RunAsync([People.Remove(1)], new() { ["remove_action"] = "unsubscribe" });

        Assert.Equal("unsubscribed", _sandbox.List.Member(People.Email(1))!.Status);
    }

    [Fact]
    public async Task Remove_Untags_LeavingTheSubscriptionAlone()
    {
        await _sandbox.RunAsync([People.Remove(2)], new() { ["remove_action"] = "untag", ["tags"] = new JsonArray("hub") });

        var member = _sandbox.List.Member(People.Email(2))!;
        Assert.Equal("subscribed", member.Status);
        Assert.Equal(["customer"], member.Tags);
    }

    [Fact]
    public async Task AddingAnArchivedMemberAgain_RestoresThem()
    {
        await _sandbox.RunAsync([People.Remove(0)]);

        var results = await _sandbox.RunAsync([People.Upsert(0)]);

        Assert.Equal(RecordOutcome.Accepted, Assert.Single(results).Outcome);
        Assert.Equal("subscribed", _sandbox.List.Member(People.Email(0))!.Status);
    }
}
