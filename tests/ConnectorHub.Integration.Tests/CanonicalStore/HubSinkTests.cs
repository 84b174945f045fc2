using System.Text.Json.Nodes;
using ConnectorHub.Core.CanonicalStore;
using ConnectorHub.Core.Profiles;
using ConnectorHub.Core.Runs;
using ConnectorHub.Core.Storage;
using ConnectorHub.Integration.Tests.Support;
using ConnectorHub.Sdk.Canonical;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectorHub.Integration.Tests.CanonicalStore;

public sealed class HubSinkTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 14, 9, 30, 0, TimeSpan.Zero);

    [Theory]
    [ClassData(typeof(Stores))]
    public async Task ASyncWithoutDestination_StoresProfilesEventsOrdersAdsAndAccounts_AndRejectsBadRecordsWithTheReason(StorageProvider provider)
    {
        await using var hub = await TestHub.StartAsync(provider);
        var sync = await hub.CreateCanonicalSyncAsync(Records());

        var run = RunView.From(await hub.Runner.RunAsync(sync.Id, RunTrigger.Manual));
        var rejects = (await hub.Runs.RejectsAsync(run.Id, 100, 0, CancellationToken.None)).OrderBy(r => r.RecordKey, StringComparer.Ordinal).ToArray();
        var profiles = hub.Services.GetRequiredService<ProfileService>();
        var timeline = hub.Services.GetRequiredService<ProfileTimeline>();
        var id = await profiles.LookupAsync("email:ANN@example.com", CancellationToken.None);
        var profile = await profiles.GetAsync(id, CancellationToken.None);
        var events = await timeline.EventsAsync(id, 10, null, CancellationToken.None);
        var orders = await timeline.OrdersAsync(id, 10, null, CancellationToken.None);
        var database = hub.Services.GetRequiredService<HubDatabase>();

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.True(rejects.Length == 2, string.Join("\n", rejects.Select(r => $"{r.RecordKey}: {r.Reason}")));
        Assert.Equal(new RunStreamView("people", 8, 6, 2), Assert.Single(run.Streams));
        Assert.Collection(rejects,
            r => Assert.Equal(("bad-fragment", RejectionStage.Destination), (r.RecordKey, r.Stage)),
            r => Assert.Equal("not-an-envelope", r.RecordKey));
        Assert.Contains("entities[0] (profile_fragment) breaks the canonical schema", rejects[0].Reason, StringComparison.Ordinal);
        Assert.Contains("no 'entities' array", rejects[1].Reason, StringComparison.Ordinal);
        Assert.Equal("Ann", profile.Traits["first_name"].Value.GetString());
        Assert.Equal(["email:ann@example.com", "hubspot.contact_id:101", "user_id:u-1", "anonymous_id:anon-1"],
            profile.Identifiers.Select(i => $"{i.Type}:{i.Value}").OrderBy(i => i.StartsWith("anonymous", StringComparison.Ordinal)).ThenBy(i => i, StringComparer.Ordinal));
        Assert.Equal(["Order Completed", "Product Viewed"], events.Items.Select(e => e.Name));
        Assert.Equal("sq-1", Assert.Single(orders.Items).OrderId);
        Assert.Equal(3, await database.CountAsync("SELECT count(*) FROM events"));
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM ad_performance"));
        Assert.Equal(1, await database.CountAsync($"SELECT count(*) FROM account_members WHERE profile_id = {id}"));
    }

    [Theory]
    [ClassData(typeof(Stores))]
    public async Task ReplayingASync_DuplicatesNothing(StorageProvider provider)
    {
        await using var hub = await TestHub.StartAsync(provider);
        await hub.Runner.RunAsync((await hub.CreateCanonicalSyncAsync(Records(), "first")).Id, RunTrigger.Manual);

        var again = await hub.Runner.RunAsync((await hub.CreateCanonicalSyncAsync(Records(), "again")).Id, RunTrigger.Manual);
        var database = hub.Services.GetRequiredService<HubDatabase>();

        Assert.Equal(RunStatus.Succeeded, again.Status);
        Assert.Equal(3, await database.CountAsync("SELECT count(*) FROM events"));
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM orders"));
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM ad_performance"));
        Assert.Equal(2, await database.CountAsync("SELECT count(*) FROM profiles WHERE merged_into IS NULL"));
        if (provider == StorageProvider.Postgres)
        {
            Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM pg_class WHERE relname = 'events_2026_03'"));
            Assert.Equal(3, await database.CountAsync("SELECT count(*) FROM events_2026_03"));
        }
    }

    private static JsonArray Records()
    {
        var ann = new ProfileFragment
        {
            Source = "hubspot",
            RecordKey = "101",
            ObservedAt = T0,
            Identifiers = [new Identifier("email", "Ann@Example.com"), new Identifier("hubspot.contact_id", "101")],
            Traits = new ProfileTraits { FirstName = "Ann", LastName = "Lee" },
            Consent = new Consent { Email = true },
        };
        var order = new Order
        {
            OrderId = "sq-1", Source = "square", Channel = "in_store", Currency = "USD", Total = 42.50m, PlacedAt = T0.AddHours(2),
            CustomerIdentifiers = [new Identifier("email", "ann@example.com")],
            LineItems = [new OrderLineItem { Name = "Latte", Quantity = 2, UnitPrice = 21.25m }],
        };
        var viewed = new CanonicalEvent { MessageId = "m-1", Type = "track", Name = "Product Viewed", AnonymousId = "anon-1", Timestamp = T0.AddHours(1), Source = "web" };
        var completed = new CanonicalEvent { MessageId = "m-2", Type = "track", Name = "Order Completed", UserId = "u-1", AnonymousId = "anon-1", Timestamp = T0.AddHours(3), Source = "web" };
        var identify = new ProfileFragment { Source = "web", ObservedAt = T0.AddHours(3), Identifiers = [new Identifier("user_id", "u-1"), new Identifier("email", "ann@example.com")] };
        var stranger = new CanonicalEvent { MessageId = "m-3", Type = "page", Name = "Home", AnonymousId = "anon-2", Timestamp = T0.AddMinutes(5), Source = "web" };
        var ads = new AdPerformance { Platform = "meta", AccountId = "act_1", CampaignId = "c1", Date = new DateOnly(2026, 3, 14), Impressions = 1000, Clicks = 12, Spend = 9.99m, Currency = "USD" };
        var account = new Account { AccountId = "acme", Source = "hubspot", ObservedAt = T0, Domain = "acme.com", Name = "Acme", Members = [new Identifier("email", "ann@example.com")] };
        return
        [
            Record("r1", ann, order),
            Record("r2", viewed),
            Record("r3", completed, identify),
            Record("bad-fragment", new JsonObject { ["entities"] = new JsonArray(new JsonObject { ["entity"] = "profile_fragment", ["data"] = new JsonObject { ["source"] = "x", ["observed_at"] = "2026-03-01T00:00:00Z" } }) }),
            Record("r4", stranger, ads),
            new JsonObject { ["id"] = "not-an-envelope", ["email"] = "bob@example.com" },
            Record("r5", account),
            Record("r6", viewed with { Name = "Product Viewed (retry)" }),
        ];
    }

    private static JsonObject Record(string id, params object[] entities)
    {
        var json = entities is [JsonObject raw] ? raw : CanonicalEnvelope.Of(entities).ToJson();
        json["id"] = id;
        return json;
    }
}
