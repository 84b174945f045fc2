using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ConnectorHub.Connectors.MetaAds.Tests.Support;
using ConnectorHub.Sandbox.Meta.Insights;

namespace ConnectorHub.Connectors.MetaAds.Tests;

/// <summary>The insights emulator behaves like the Graph API for the calls that matter (raw HTTP, no connector).</summary>
public sealed class EmulatorContractTests : IAsyncLifetime
{
    private MetaAdsSandbox _sandbox = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await MetaAdsSandbox.StartAsync();
        _http = new HttpClient { BaseAddress = _sandbox.Host.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task Edges_PageWithCursors_AndTheLastPageHasNoNext()
    {
        var first = await GetAsync($"v21.0/act_{MetaAdsSandbox.FirstAccount}/ads?fields=id,name,adset_id&limit=5");
        var next = first["paging"]!["next"]!.GetValue<string>();
        var second = await GetAsync(next);
        var third = await GetAsync(second["paging"]!["next"]!.GetValue<string>());

        Assert.Equal(5, first["data"]!.AsArray().Count);
        Assert.Equal(["id", "name", "adset_id"], first["data"]![0]!.AsObject().Select(p => p.Key));
        Assert.Contains("access_token=", next, StringComparison.Ordinal);
        Assert.Equal(2, third["data"]!.AsArray().Count);
        Assert.NotNull(third["paging"]!["cursors"]!["after"]);
        Assert.Null(third["paging"]!["next"]);
    }

    [Fact]
    public async Task Insights_ByAdAndDay_AreStrings_WithDatesAndUsageHeaders()
    {
        using var response = await _http.GetAsync(Token($"v21.0/act_{MetaAdsSandbox.FirstAccount}/insights?level=ad&fields=ad_id,impressions,spend,ctr,actions&time_increment=1&time_range={Uri.EscapeDataString("""{"since":"2024-05-01","until":"2024-05-02"}""")}&limit=500"));
        var rows = (await response.Content.ReadFromJsonAsync<JsonObject>())!["data"]!.AsArray();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(_sandbox.ExpectedAdKeys(new(2024, 5, 1), new(2024, 5, 2)).Count(k => k.StartsWith(MetaAdsSandbox.FirstAccount, StringComparison.Ordinal)), rows.Count);
        Assert.All(rows, r =>
        {
            Assert.Equal(System.Text.Json.JsonValueKind.String, r!["impressions"]!.GetValueKind());
            Assert.Equal(System.Text.Json.JsonValueKind.String, r["spend"]!.GetValueKind());
            Assert.Equal(r["date_start"]!.GetValue<string>(), r["date_stop"]!.GetValue<string>());
        });
        Assert.Contains(rows, r => r!["actions"] is JsonArray { Count: > 0 });
        Assert.True(response.Headers.Contains("X-Business-Use-Case-Usage"));
        Assert.True(response.Headers.Contains("X-FB-Ads-Insights-Throttle"));
    }

    [Fact]
    public async Task Insights_TooLargeForASyncRequest_AreRefused_WithCode1Subcode1487534()
    {
        _sandbox.Emulator.MaxSyncRows = 20;

        using var response = await _http.GetAsync(Token($"v21.0/act_{MetaAdsSandbox.FirstAccount}/insights?level=ad&time_increment=1&time_range={Uri.EscapeDataString("""{"since":"2024-04-01","until":"2024-04-30"}""")}"));
        var error = (await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!;

        Assert.Equal(1, error["code"]!.GetValue<int>());
        Assert.Equal(1487534, error["error_subcode"]!.GetValue<int>());
        Assert.Contains("reduce the amount of data", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AsyncReportRun_GoesFromNotStartedToCompleted_ThenServesItsRows()
    {
        var form = new Dictionary<string, string>
        {
            ["level"] = "campaign",
            ["fields"] = "campaign_id,impressions",
            ["time_range"] = """{"since":"2024-05-01","until":"2024-05-07"}""",
            ["time_increment"] = "1",
            ["access_token"] = MetaInsightsEmulator.DefaultAccessToken,
        };
        using var content = new FormUrlEncodedContent(form);
        using var created = await _http.PostAsync($"v21.0/act_{MetaAdsSandbox.FirstAccount}/insights", content);
        var runId = (await created.Content.ReadFromJsonAsync<JsonObject>())!["report_run_id"]!.GetValue<string>();

        var early = await GetAsync($"v21.0/{runId}/insights");
        var statuses = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await GetAsync($"v21.0/{runId}"))["async_status"]!.GetValue<string>());
        }

        var rows = await GetAsync($"v21.0/{runId}/insights?limit=100");

        Assert.Equal(100, early["error"]!["code"]!.GetValue<int>());
        Assert.Equal(["Job Started", "Job Running", "Job Completed"], statuses);
        Assert.Equal(21, rows["data"]!.AsArray().Count);
        Assert.All(rows["data"]!.AsArray(), r => Assert.Null(r!["ad_id"]));
    }

    [Fact]
    public async Task BadTokens_Get190_AndUnknownFields_Get100()
    {
        var badToken = await GetAsync("v21.0/me/adaccounts?access_token=nope", token: false);
        var badField = await GetAsync($"v21.0/act_{MetaAdsSandbox.FirstAccount}/insights?fields=impressions,bogus");
        var badAccount = await GetAsync("v21.0/act_999/campaigns");

        Assert.Equal(190, badToken["error"]!["code"]!.GetValue<int>());
        Assert.Equal(100, badField["error"]!["code"]!.GetValue<int>());
        Assert.Contains("fields[1]", badField["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(33, badAccount["error"]!["error_subcode"]!.GetValue<int>());
    }

    private static string Token(string uri) =>
        uri + (uri.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "access_token=" + MetaInsightsEmulator.DefaultAccessToken;

    private async Task<JsonObject> GetAsync(string uri, bool token = true)
    {
        using var response = await _http.GetAsync(token && !uri.Contains("access_token=", StringComparison.Ordinal) ? Token(uri) : uri);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
