using System.Text.Json.Nodes;
using ConnectorHub.Core.Activation;
using ConnectorHub.Core.Storage;
using ConnectorHub.Integration.Tests.Support;
using ConnectorHub.Sandbox.Mailchimp;
using ConnectorHub.Sdk.Destinations;

namespace ConnectorHub.Integration.Tests.Activation;

public sealed class MailchimpActivationTests
{
    [Theory]
    [ClassData(typeof(Stores))]
    public async Task UpsertActivation_WritesMergeFieldsTagsAndStatus_AndResendsOnlyChangedMembers(StorageProvider provider)
    {
        await using var bed = await ActivationBed.StartAsync(provider);
        var list = bed.MailchimpEmulator.CreateList("Newsletter", [.. MergeField.Defaults, new MergeField("PLAN", "Plan")]);
        var segment = await bed.CreateSegmentAsync("customers");
        await bed.AddProfileAsync(1, ActivationBed.Email(1), traits: new Dictionary<string, object> { ["plan"] = "gold" });
        await bed.AddProfileAsync(2, ActivationBed.Email(2), traits: new Dictionary<string, object> { ["plan"] = "silver" });
        await bed.AddProfileAsync(3, ActivationBed.Email(3), traits: new Dictionary<string, object> { ["plan"] = "bronze", ["consent.email"] = false });
        await bed.EnterAsync(segment, 1, 2, 3);
        var activation = await bed.Activations.CreateAsync(new ActivationRequest
        {
            Name = "newsletter",
            SegmentId = segment,
            DestinationConnectionId = await bed.CreateMailchimpConnectionAsync(),
            Mode = DestinationSyncMode.Upsert,
            Mapping = new ActivationMapping { Traits = ["plan"] },
            Settings = new JsonObject
            {
                ["list_id"] = list.Id,
                ["merge_fields"] = new JsonObject { ["first_name"] = "FNAME", ["last_name"] = "LNAME", ["plan"] = "PLAN" },
                ["tags"] = new JsonArray("hub-customers"),
            },
            RequiredConsent = "none",
        }, CancellationToken.None);

        var first = await bed.RunAsync(activation.Id);
        await bed.SetTraitAsync(1, "plan", "platinum");
        await bed.ExitAsync(segment, 2);
        var second = await bed.RunAsync(activation.Id);
        var secondRecords = await bed.RecordsAsync(second.Id);

        Assert.Equal((3L, 3L), (first.Sent, first.Accepted));
        var one = list.Member(ActivationBed.Email(1))!;
        Assert.Equal("platinum", one.MergeFields["PLAN"]!.GetValue<string>());
        Assert.Equal("Person", one.MergeFields["FNAME"]!.GetValue<string>());
        Assert.Contains("hub-customers", one.Tags);
        Assert.Equal("subscribed", one.Status);
        Assert.Equal("silver", list.Member(ActivationBed.Email(2))!.MergeFields["PLAN"]!.GetValue<string>());
        Assert.Equal("unsubscribed", list.Member(ActivationBed.Email(3))!.Status);
        Assert.Equal((0L, 1L, 0L), (second.Adds, second.Updates, second.Removes));
        Assert.Equal([(1L, "Upsert", "Accepted")], secondRecords.Select(r => (r.ProfileId, r.Operation, r.Outcome)));
    }
}
