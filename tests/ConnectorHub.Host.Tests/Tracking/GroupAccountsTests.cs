using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ConnectorHub.Core.Storage;

namespace ConnectorHub.Host.Tests.Tracking;

/// <summary>Accounts created by group calls, read through the REST API and shown on their members' profile pages.</summary>
public sealed class GroupAccountsTests
{
    [Theory]
    [ClassData(typeof(TrackingStores))]
    public async Task GroupCalls_MakeAccounts_ListedAndReadWithTraitsAndMembers(StorageProvider provider)
    {
        await using var hub = await TrackingHub.StartAsync(provider);
        await TrackingStorageTests.SendOkAsync(hub, "/v1/group", new JsonObject
        {
            ["userId"] = "ann", ["groupId"] = "acme/eu", ["traits"] = new JsonObject { ["name"] = "Acme EU", ["industry"] = "Tools", ["website"] = "https://acme.example/eu", ["employees"] = 120 },
        });
        await TrackingStorageTests.SendOkAsync(hub, "/v1/group", new JsonObject { ["userId"] = "bob", ["groupId"] = "acme/eu" });
        await TrackingStorageTests.SendOkAsync(hub, "/v1/group", new JsonObject { ["userId"] = "bob", ["groupId"] = "globex", ["traits"] = new JsonObject { ["name"] = "Globex" } });
        var ann = (await hub.ProfileAsync("user_id:ann"))["id"]!.GetValue<long>();
        var bob = (await hub.ProfileAsync("user_id:bob"))["id"]!.GetValue<long>();

        var list = (await hub.Admin.GetFromJsonAsync<JsonObject>("/api/accounts"))!;
        var found = (await hub.Admin.GetFromJsonAsync<JsonObject>("/api/accounts?q=acm"))!;
        var acme = (await hub.Admin.GetFromJsonAsync<JsonObject>("/api/accounts/website/" + Uri.EscapeDataString("acme/eu")))!;
        using var missing = await hub.Admin.GetAsync("/api/accounts/website/nobody");

        Assert.Equal(["acme/eu", "globex"], list["items"]!.AsArray().Select(a => a!["accountId"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal(2, list["items"]!.AsArray().Single(a => a!["accountId"]!.GetValue<string>() == "acme/eu")!["members"]!.GetValue<int>());
        Assert.Equal("acme/eu", found["items"]!.AsArray().Single()!["accountId"]!.GetValue<string>());
        Assert.Equal("Acme EU", acme["name"]!.GetValue<string>());
        Assert.Equal("acme.example", acme["domain"]!.GetValue<string>());
        Assert.Equal("Tools", acme["industry"]!.GetValue<string>());
        Assert.Equal(120, acme["traits"]!["employees"]!.GetValue<int>());
        Assert.Equal([ann, bob], acme["members"]!.AsArray().Select(m => m!["profileId"]!.GetValue<long>()).Order());
        Assert.Equal(404, (int)missing.StatusCode);

        var page = await hub.Admin.GetStringAsync($"/profiles/{bob}");
        Assert.Contains("data-testid=\"accounts\"", page, StringComparison.Ordinal);
        Assert.Contains("data-account=\"website:acme/eu\"", page, StringComparison.Ordinal);
        Assert.Contains("Globex", page, StringComparison.Ordinal);
    }
}
