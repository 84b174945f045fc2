using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ConnectorHub.Host.Tests.Api;

namespace ConnectorHub.Host.Tests.Access;

public sealed class ApiAccessTests(AccessHub hub) : IClassFixture<AccessHub>
{
    [Fact]
    public void TheRoutingTable_HasTheEndpointsTheseTestsCover()
    {
        var endpoints = ApiEndpoints.All(hub).Select(e => $"{e.Method} {e.Path}").ToArray();

        Assert.Contains($"POST /api/syncs/{hub.SyncId}/runs", endpoints);
        Assert.Contains($"DELETE /api/connections/{hub.ConnectionId}", endpoints);
        Assert.Contains($"POST /api/runs/{hub.RunId}/cancel", endpoints);
        Assert.Contains("GET /api/plugins", endpoints);
        Assert.True(endpoints.Length >= 25, string.Join("\n", endpoints));
    }

    [Fact]
    public async Task EveryApiEndpoint_AnswersUnauthorized_WithoutCredentials()
    {
        using var anonymous = hub.Hub.CreateClient();
        var failures = new List<string>();
        foreach (var (method, path) in ApiEndpoints.All(hub))
        {
            using var response = await SendAsync(anonymous, method, path);
            if (response.StatusCode != HttpStatusCode.Unauthorized || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                failures.Add($"{method} {path}: {(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType}");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task AnUnknownToken_IsRefusedWithUnauthorized_SayingWhy()
    {
        using var client = hub.Hub.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "chub_this-token-was-never-issued-by-the-hub");

        using var response = await client.GetAsync(new Uri("/api/plugins", UriKind.Relative));
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Contains("unknown, revoked or expired", problem!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Viewer_GetsForbidden_OnEveryMutatingEndpoint_AndNothingChanges()
    {
        var before = (await hub.Admin.GetJsonAsync("/api/connections")).ToJsonString() + (await hub.Admin.GetJsonAsync("/api/syncs")).ToJsonString();
        var failures = new List<string>();
        foreach (var (method, path) in ApiEndpoints.All(hub).Where(e => !ApiEndpoints.IsRead(e.Method, e.Path)))
        {
            using var response = await SendAsync(hub.Viewer, method, path);
            if (response.StatusCode != HttpStatusCode.Forbidden)
            {
                failures.Add($"{method} {path}: {(int)response.StatusCode}");
            }
        }

        var after = (await hub.Admin.GetJsonAsync("/api/connections")).ToJsonString() + (await hub.Admin.GetJsonAsync("/api/syncs")).ToJsonString();
        Assert.Empty(failures);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Viewer_ReadsEverything_ButUsersAndTokens()
    {
        var failures = new List<string>();
        foreach (var (method, path) in ApiEndpoints.All(hub).Where(e => ApiEndpoints.IsRead(e.Method, e.Path)))
        {
            using var response = await SendAsync(hub.Viewer, method, path);

            // Authorization is what is checked here: a read that gets past it may still answer 400/404 for the
            // placeholder ids and missing query parameters the routing table gives.
            var refused = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
            if (refused != ApiEndpoints.IsAdminOnly(path) || (refused && response.StatusCode != HttpStatusCode.Forbidden))
            {
                failures.Add($"{method} {path}: {(int)response.StatusCode}, expected {(ApiEndpoints.IsAdminOnly(path) ? "403" : "an answer past authorization")}");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task Forbidden_IsAProblemNamingTheRole()
    {
        var (response, problem) = await hub.Viewer.SendAsync(HttpMethod.Delete, $"/api/syncs/{hub.SyncId}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("with the role 'viewer'", problem!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Marketing_RunsSyncsAndCancelsRuns_ButCannotChangeConfiguration()
    {
        var (run, _) = await hub.Marketing.SendAsync(HttpMethod.Post, $"/api/syncs/{hub.SyncId}/runs");
        var (cancel, cancelProblem) = await hub.Marketing.SendAsync(HttpMethod.Post, $"/api/runs/{hub.RunId}/cancel");
        var (create, _) = await hub.Marketing.SendAsync(HttpMethod.Post, "/api/connections", new { name = "m", pluginId = "echo", config = new { } });
        var (disable, _) = await hub.Marketing.SendAsync(HttpMethod.Post, $"/api/syncs/{hub.SyncId}/disable");
        var (users, _) = await hub.Marketing.SendAsync(HttpMethod.Get, "/api/users");
        var (me, who) = await hub.Marketing.SendAsync(HttpMethod.Get, "/api/me");

        Assert.Equal(HttpStatusCode.Accepted, run.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, cancel.StatusCode); // allowed; the run had already ended
        Assert.Contains("already ended", cancelProblem!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, disable.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, users.StatusCode);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal("Marketing", who!["role"]!.GetValue<string>());
        Assert.Equal("token", who["via"]!.GetValue<string>());
    }

    [Fact]
    public async Task Healthz_AndTheOpenApiDocument_StayAnonymous()
    {
        using var anonymous = hub.Hub.CreateClient();

        using var health = await anonymous.GetAsync(new Uri("/healthz", UriKind.Relative));
        using var openApi = await anonymous.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative))
        {
            Content = ApiEndpoints.IsRead(method) || method == HttpMethod.Delete ? null : JsonContent.Create(new { }),
        };
        return await client.SendAsync(request);
    }
}
