using System.Text.Json;
using System.Text.Json.Nodes;

namespace ConnectorHub.Sandbox.Tests.HubSpot;

public sealed class ListObjectsTests
{
    [Fact]
    public async Task List_PagesWithAfter_AndLeavesPagingOutOfTheLastPage()
    {
        await using var client = await HubSpotClient.StartAsync();
        var ids = new List<string>();
        string? after = null;
        var pages = 0;
        do
        {
            var (status, body, _) = await client.GetAsync("crm/v3/objects/contacts?limit=10" + (after is null ? string.Empty : $"&after={after}"));
            Assert.Equal(200, status);
            ids.AddRange(body["results"]!.AsArray().Select(r => r!["id"]!.ToString()));
            after = body["paging"]?["next"]?["after"]?.ToString();
            pages++;
            Assert.Equal(after is null, !body.ContainsKey("paging"));
        }
        while (after is not null);

        Assert.Equal(3, pages);
        Assert.Equal(25, ids.Distinct().Count());
    }

    [Fact]
    public async Task List_ReturnsEveryPropertyAsAStringOrNull_WithHubSpotsRecordShape()
    {
        await using var client = await HubSpotClient.StartAsync();

        var (_, body, response) = await client.GetAsync("crm/v3/objects/deals?limit=5&properties=amount,dealname,closedate,nosuchproperty");

        var deal = body["results"]![0]!.AsObject();
        Assert.Equal(["id", "properties", "createdAt", "updatedAt", "archived"], deal.Select(p => p.Key));
        var properties = deal["properties"]!.AsObject();
        Assert.All(properties, p => Assert.True(p.Value is null || p.Value.GetValueKind() == JsonValueKind.String, p.Key));
        Assert.Equal(["amount", "closedate", "createdate", "dealname", "hs_lastmodifieddate", "hs_object_id"], properties.Select(p => p.Key));
        Assert.Equal(deal["updatedAt"]!.ToString(), properties["hs_lastmodifieddate"]!.ToString());
        Assert.Equal("190", response.Headers.GetValues("X-HubSpot-RateLimit-Max").Single());
    }

    [Fact]
    public async Task List_RefusesALimitAboveOneHundred_WithAValidationError()
    {
        await using var client = await HubSpotClient.StartAsync();

        var (status, body, _) = await client.GetAsync("crm/v3/objects/contacts?limit=101");

        Assert.Equal(400, status);
        Assert.Equal("VALIDATION_ERROR", body["category"]!.ToString());
    }

    [Fact]
    public async Task List_AcceptsDateVersionedPaths_AndObjectTypeIds()
    {
        await using var client = await HubSpotClient.StartAsync();

        var (status, body, _) = await client.GetAsync("crm/objects/2026-03/0-2?limit=3");

        Assert.Equal(200, status);
        Assert.Equal(3, body["results"]!.AsArray().Count);
    }

    [Fact]
    public async Task BatchRead_Answers207_NamingTheIdsItCouldNotFind()
    {
        await using var client = await HubSpotClient.StartAsync();

        var (status, body) = await client.PostAsync("crm/v3/objects/contacts/batch/read", """{"properties":["email"],"inputs":[{"id":"1001"},{"id":"999999"}]}""");

        Assert.Equal(207, status);
        Assert.Equal("1001", body["results"]![0]!["id"]!.ToString());
        Assert.Equal("999999", body["errors"]![0]!["context"]!["ids"]![0]!.ToString());
        Assert.Equal("OBJECT_NOT_FOUND", body["errors"]![0]!["category"]!.ToString());
    }
}
