using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Testing.Emulators;
using ConnectorHub.Sandbox.HubSpot;

namespace ConnectorHub.Sandbox.Tests.HubSpot;

public sealed class AuthAndFaultTests
{
    [Fact]
    public async Task TokenEndpoint_RotatesTheRefreshToken_AndRefusesTheOldOne()
    {
        await using var client = await HubSpotClient.StartAsync();
        var refresh = client.Hub.Tokens.IssueRefreshToken();

        var first = await RefreshAsync(client, refresh);
        var again = await RefreshAsync(client, refresh);

        Assert.Equal(200, first.Status);
        Assert.Equal("bearer", first.Body["token_type"]!.ToString());
        Assert.Equal(1800, first.Body["expires_in"]!.GetValue<int>());
        Assert.NotEqual(refresh, first.Body["refresh_token"]!.ToString());
        Assert.Equal(400, again.Status);
        Assert.Equal("BAD_REFRESH_TOKEN", again.Body["status"]!.ToString());
    }

    [Fact]
    public async Task ExpiredAccessToken_GetsHubSpots401Body()
    {
        await using var client = await HubSpotClient.StartAsync();
        var access = (await RefreshAsync(client, client.Hub.Tokens.IssueRefreshToken())).Body["access_token"]!.ToString();
        client.Hub.Tokens.ExpireAccessTokens();
        client.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", access);

        var (status, body, response) = await client.GetAsync("crm/v3/objects/contacts");

        Assert.Equal(401, status);
        Assert.Equal("EXPIRED_AUTHENTICATION", body["category"]!.ToString());
        Assert.Contains("expired", body["message"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenWithoutScope_Gets403NamingTheScope()
    {
        await using var client = await HubSpotClient.StartAsync();
        client.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", client.Hub.Tokens.AddPrivateAppToken(["crm.objects.contacts.read"]));

        var (status, body, _) = await client.GetAsync("crm/v3/objects/deals");

        Assert.Equal(403, status);
        Assert.Equal("MISSING_SCOPES", body["category"]!.ToString());
        Assert.Equal("crm.objects.deals.read", body["errors"]![0]!["context"]!["requiredGranularScopes"]![0]!.ToString());
    }

    [Fact]
    public async Task RateLimitedFault_AnswersHubSpots429Shape_ThenServesNormally()
    {
        await using var client = await HubSpotClient.StartAsync();
        client.Host.Faults.Add(HubSpotFaults.RateLimited());

        var (status, body, response) = await client.GetAsync("crm/v3/objects/contacts");
        var (after, _, _) = await client.GetAsync("crm/v3/objects/contacts");

        Assert.Equal(429, status);
        Assert.Equal("RATE_LIMIT", body["errorType"]!.ToString());
        Assert.Equal("TEN_SECONDLY_ROLLING", body["policyName"]!.ToString());
        Assert.Equal("0", response.Headers.GetValues("X-HubSpot-RateLimit-Remaining").Single());
        Assert.False(response.Headers.Contains("Retry-After"));
        Assert.Equal(200, after);
    }

    [Fact]
    public async Task RepeatCursor_AnswersTheAskedCursorAsTheNextOne()
    {
        await using var client = await HubSpotClient.StartAsync();
        client.Hub.Paging = PagingMisbehaviour.RepeatCursor;
        var next = (await client.GetAsync("crm/v3/objects/contacts?limit=5")).Body["paging"]!["next"]!["after"]!.ToString();

        var (_, body, _) = await client.GetAsync($"crm/v3/objects/contacts?limit=5&after={next}");

        Assert.Equal(next, body["paging"]!["next"]!["after"]!.ToString());
    }

    private static async Task<(int Status, JsonObject Body)> RefreshAsync(HubSpotClient client, string refreshToken)
    {
        using var response = await client.Http.PostAsync("oauth/v1/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = client.Hub.Options.ClientId,
            ["client_secret"] = client.Hub.Options.ClientSecret,
            ["refresh_token"] = refreshToken,
        }));
        return ((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }
}
