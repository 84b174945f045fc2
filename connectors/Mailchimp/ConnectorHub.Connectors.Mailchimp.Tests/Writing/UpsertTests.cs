using System.Text.Json.Nodes;
using ConnectorHub.Connectors.Mailchimp.Tests.Support;
using ConnectorHub.Sdk.Destinations;

namespace ConnectorHub.Connectors.Mailchimp.Tests.Writing;

public sealed class UpsertTests : IAsyncLifetime
{
    private static readonly JsonObject PlanMapping = new() { ["merge_fields"] = new JsonObject { ["first_name"] = "FNAME", ["last_name"] = "LNAME", ["plan"] = "PLAN" } };

    private MailchimpSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await MailchimpSandbox.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task Upsert_CreatesExactlyTheMembersSent_WithMergeFieldsAndTags()
    {
        var results = await _sandbox.RunAsync(People.Upserts(0, 40), PlanMapping);

        Assert.All(results, r => Assert.Equal(RecordOutcome.Accepted, r.Outcome));
        Assert.Equal(Enumerable.Range(0, 40).Select(People.Email).Order(), _sandbox.List.Members.Select(m => m.Email).Order());
        var member = _sandbox.List.Member(People.Email(2))!;
        Assert.Equal("subscribed", member.Status);
        Assert.Equal("First2", member.MergeFields["FNAME"]!.GetValue<string>());
        Assert.Equal("gold", member.MergeFields["PLAN"]!.GetValue<string>());
        Assert.Equal(["customer", "hub"], member.Tags.Order());
    }

    [Fact]
    public async Task Replay_CreatesNoDuplicates_UpdatesFields_AndLeavesExistingStatusAlone()
    {
        await _sandbox.RunAsync(People.Upserts(0, 10));
        _sandbox.List.SetStatus(People.Email(3), "unsubscribed");
        var changed = People.Upsert("profile-3", People.Member(3) with { FirstName = "Renamed", Tags = ["returning"] });

        var results = await _sandbox.RunAsync([.. People.Upserts(0, 3), changed, .. People.Upserts(4, 6)]);

        Assert.All(results, r => Assert.Equal(RecordOutcome.Accepted, r.Outcome));
        Assert.Equal(10, _sandbox.List.Members.Count);
        var three = _sandbox.List.Member(People.Email(3))!;
        Assert.Equal("unsubscribed", three.Status);
        Assert.Equal("Renamed", three.MergeFields["FNAME"]!.GetValue<string>());
        Assert.Contains("returning", three.Tags);
    }

    [Fact]
    public async Task StatusIfNew_AppliesToNewMembersOnly_AndWithdrawnEmailConsentUnsubscribes()
    {
        await _sandbox.RunAsync([People.Upsert(1)]);

        await _sandbox.RunAsync([People.Upsert(2), People.WithConsent(1, email: false), People.WithConsent(3, email: false)], new() { ["status_if_new"] = "pending" });

        Assert.Equal("pending", _sandbox.List.Member(People.Email(2))!.Status);
        Assert.Equal("unsubscribed", _sandbox.List.Member(People.Email(1))!.Status);
        Assert.Equal("unsubscribed", _sandbox.List.Member(People.Email(3))!.Status);
    }

    [Fact]
    public async Task UpdateMode_UsesUpdateExisting_AndReportsComplianceRefusalsPerRecord()
    {
        await _sandbox.RunAsync(People.Upserts(0, 3));
        _sandbox.List.SetStatus(People.Email(1), "unsubscribed");
        _sandbox.List.SetStatus(People.Email(2), "pending");

        var results = await _sandbox.RunAsync(People.Upserts(0, 3), new() { ["existing_member_status"] = "update" });

        Assert.Equal([RecordOutcome.Accepted, RecordOutcome.Rejected, RecordOutcome.Accepted], results.Select(r => r.Outcome));
        Assert.Contains("compliance state", results[1].Reason, StringComparison.Ordinal);
        Assert.Equal("subscribed", _sandbox.List.Member(People.Email(2))!.Status);
        Assert.Equal([3, 3], _sandbox.Emulator.BatchSizes);
    }

    [Fact]
    public async Task Batches_Over500Members_AreSplitIntoRequestsOfAtMost500()
    {
        var results = await _sandbox.RunAsync(People.Upserts(0, 1_234));

        Assert.Equal(1_234, results.Count(r => r.Outcome == RecordOutcome.Accepted));
        Assert.Equal([500, 500, 234], _sandbox.Emulator.BatchSizes);
        Assert.Equal(1_234, _sandbox.List.Members.Count);
    }

    [Fact]
    public async Task TheSameEmailTwiceInABatch_IsWrittenInOrder_AndBothRecordsGetAResult()
    {
        var first = People.Upsert("a", People.Member(1) with { FirstName = "Old" });
        var second = People.Upsert("b", People.Member(1) with { FirstName = "New" });

        var results = await _sandbox.RunAsync([first, second]);

        Assert.All(results, r => Assert.Equal(RecordOutcome.Accepted, r.Outcome));
        Assert.Equal("New", _sandbox.List.Member(People.Email(1))!.MergeFields["FNAME"]!.GetValue<string>());
    }

    [Fact]
    public async Task PerMemberUpdates_NeverExceedMaxConnections()
    {
        await using var slow = await MailchimpSandbox.StartAsync(latency: TimeSpan.FromMilliseconds(25));
        await slow.RunAsync(People.Upserts(0, 24));

        await slow.RunAsync(People.Upserts(0, 24), maxConnections: 3);

        Assert.InRange(slow.Emulator.MaxObservedConcurrency, 2, 3);
    }

    [Fact]
    public void Capabilities_AnnounceMailchimpsBatchLimit() =>
        Assert.Equal(500, new MailchimpDestination().GetCapabilities().MaxBatchSize);

    [Fact]
    public void Spec_MarksTheApiKeySecret() =>
        Assert.Equal(["api_key"], Sdk.Specs.ConfigSecrets.SecretFields(new MailchimpDestination().GetSpec()));
}
