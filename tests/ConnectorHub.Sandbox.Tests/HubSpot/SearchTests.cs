using System.Globalization;

namespace ConnectorHub.Sandbox.Tests.HubSpot;

public sealed class SearchTests
{
    [Fact]
    public async Task Search_FiltersGteOnLastModified_SortedAscending_WithTotal()
    {
        await using var client = await HubSpotClient.StartAsync(new() { Contacts = 200, Companies = 0, Deals = 0 });
        var all = client.Hub.Contacts.All().OrderBy(c => c.UpdatedAt).ToArray();
        var since = all[150].UpdatedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

        var (status, body) = await client.PostAsync("crm/v3/objects/contacts/search", $$"""
            {"filterGroups":[{"filters":[{"propertyName":"lastmodifieddate","operator":"GTE","value":"{{since}}"}]}],
             "sorts":[{"propertyName":"lastmodifieddate","direction":"ASCENDING"}],"limit":20}
            """);

        Assert.Equal(200, status);
        Assert.Equal(all.Count(c => c.UpdatedAt >= all[150].UpdatedAt), body["total"]!.GetValue<int>());
        var times = body["results"]!.AsArray().Select(r => DateTimeOffset.Parse(r!["updatedAt"]!.ToString(), CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(times.Order(), times);
        Assert.All(times, t => Assert.True(t >= all[150].UpdatedAt));
        Assert.Equal("20", body["paging"]!["next"]!["after"]!.ToString());
    }

    [Fact]
    public async Task ArchivedObjects_LeaveSearchAndTheDefaultList_ButListWithArchivedTrue()
    {
        await using var client = await HubSpotClient.StartAsync(new() { Contacts = 30, Companies = 0, Deals = 0 });
        client.Hub.Contacts.Archive("1005", new DateTimeOffset(2024, 6, 2, 0, 0, 0, TimeSpan.Zero));

        var (_, search) = await client.PostAsync("crm/v3/objects/contacts/search", """
            {"filterGroups":[{"filters":[{"propertyName":"lastmodifieddate","operator":"GTE","value":"0"}]}],
             "sorts":[{"propertyName":"lastmodifieddate","direction":"ASCENDING"}],"limit":100}
            """);
        var (_, live, _) = await client.GetAsync("crm/v3/objects/contacts?limit=100");
        var (_, archived, _) = await client.GetAsync("crm/v3/objects/contacts?limit=100&archived=true");

        Assert.Equal(29, search["total"]!.GetValue<int>());
        Assert.DoesNotContain(search["results"]!.AsArray(), r => r!["id"]!.ToString() == "1005");
        Assert.Equal(29, live["results"]!.AsArray().Count);
        var gone = Assert.Single(archived["results"]!.AsArray());
        Assert.True(gone!["archived"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Search_OrsFilterGroups_AndMatchesInAndHasProperty()
    {
        await using var client = await HubSpotClient.StartAsync(new() { Contacts = 0, Companies = 0, Deals = 60 });

        var (_, body) = await client.PostAsync("crm/v3/objects/deals/search", """
            {"filterGroups":[
              {"filters":[{"propertyName":"dealstage","operator":"IN","values":["closedwon"]},{"propertyName":"amount","operator":"HAS_PROPERTY"}]},
              {"filters":[{"propertyName":"dealstage","operator":"EQ","value":"closedlost"}]}],
             "properties":["dealstage"],"limit":200}
            """);

        var expected = client.Hub.Deals.All().Count(d => d.Properties["dealstage"] is "closedwon" or "closedlost");
        Assert.Equal(expected, body["total"]!.GetValue<int>());
        Assert.All(body["results"]!.AsArray(), r => Assert.Contains(r!["properties"]!["dealstage"]!.ToString(), new[] { "closedwon", "closedlost" }));
    }

    [Fact]
    public async Task Search_PastTheResultCap_Answers400WithHubSpotsErrorBody()
    {
        await using var client = await HubSpotClient.StartAsync(new() { Contacts = 10, Companies = 0, Deals = 0 });

        var (status, body) = await client.PostAsync("crm/v3/objects/contacts/search", """{"after":"10000","limit":10}""");

        Assert.Equal(400, status);
        Assert.Equal("error", body["status"]!.ToString());
        Assert.Equal("VALIDATION_ERROR", body["category"]!.ToString());
        Assert.Contains("10,000", body["message"]!.ToString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(body["correlationId"]?.ToString()));
    }

    [Theory]
    [InlineData("""{"filterGroups":[{},{},{},{},{},{}]}""", "filter groups")]
    [InlineData("""{"limit":201}""", "limit")]
    [InlineData("""{"filterGroups":[{"filters":[{"propertyName":"email","operator":"LIKE","value":"x"}]}]}""", "operator")]
    [InlineData("""{"filterGroups":[{"filters":[{"propertyName":"nosuch","operator":"EQ","value":"x"}]}]}""", "nosuch")]
    public async Task Search_RefusesRequestsPastItsLimits(string request, string named)
    {
        await using var client = await HubSpotClient.StartAsync(new() { Contacts = 5, Companies = 0, Deals = 0 });

        var (status, body) = await client.PostAsync("crm/v3/objects/contacts/search", request);

        Assert.Equal(400, status);
        Assert.Contains(named, body["message"]!.ToString(), StringComparison.OrdinalIgnoreCase);
    }
}
