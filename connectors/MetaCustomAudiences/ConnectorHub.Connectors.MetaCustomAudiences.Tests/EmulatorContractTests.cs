using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ConnectorHub.Connectors.MetaCustomAudiences.Tests.Support;
using ConnectorHub.Sdk.Testing.Emulators;
using ConnectorHub.Sandbox.Meta.CustomAudiences;
using Microsoft.Extensions.Time.Testing;

namespace ConnectorHub.Connectors.MetaCustomAudiences.Tests;

/// <summary>The Meta emulator behaves like the Graph API for the calls that matter (raw HTTP, no connector).</summary>
public sealed class EmulatorContractTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
    private EmulatorHost _host = null!;
    private MetaCustomAudiencesEmulator _emulator = null!;
    private CustomAudience _audience = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _emulator = new MetaCustomAudiencesEmulator(_clock);
        _audience = _emulator.CreateAudience(MetaSandbox.AccountId, "Buyers");
        _host = await EmulatorHost.StartAsync(_emulator);
        _http = new HttpClient { BaseAddress = _host.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Users_CountsUnhashedValuesAsInvalidEntries_AndSamplesThem()
    {
        var body = await PostUsersAsync(["EMAIL", "FN"], [[Sha.Hex("a@shop.test"), Sha.Hex("ann")], ["raw@shop.test", ""], [Sha.Hex("b@shop.test").ToUpperInvariant(), ""], ["", ""]]);

        Assert.Equal(4, body["num_received"]!.GetValue<int>());
        Assert.Equal(3, body["num_invalid_entries"]!.GetValue<int>());
        Assert.Equal("EMAIL", body["invalid_entry_samples"]!["raw@shop.test"]!.GetValue<string>());
        Assert.Equal(_audience.Id, body["audience_id"]!.GetValue<string>());
        Assert.Equal(1, _audience.Count);
    }

    [Fact]
    public async Task Users_RefusesMoreThan10000Rows_WithGraphError100()
    {
        var rows = Enumerable.Range(0, 10_001).Select(i => new[] { Sha.Hex($"p{i}@shop.test") }).ToArray();

        using var response = await SendAsync(HttpMethod.Post, Body(["EMAIL"], rows));
        var error = (await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(100, error["code"]!.GetValue<int>());
        Assert.NotNull(error["fbtrace_id"]);
    }

    [Fact]
    public async Task Users_AcceptsFormEncodedParameters_WithTheTokenAsAParameter()
    {
        var form = new Dictionary<string, string>
        {
            ["payload"] = """{"schema":"EMAIL_SHA256","data":["%s"]}""".Replace("%s", Sha.Hex("a@shop.test"), StringComparison.Ordinal),
            ["session"] = """{"session_id":"77","batch_seq":1,"last_batch_flag":true}""",
            ["access_token"] = MetaCustomAudiencesEmulator.DefaultAccessToken,
        };
        using var content = new FormUrlEncodedContent(form);

        using var response = await _http.PostAsync($"v21.0/{_audience.Id}/users", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(_audience.Contains("EMAIL", Sha.Hex("a@shop.test")));
        Assert.True(_audience.Sessions[77].Finished);
    }

    [Fact]
    public async Task Users_TakesARequestWithoutSession_OnItsOwn_AsMetasApiDoes()
    {
        using var response = await SendAsync(HttpMethod.Post, new JsonObject { ["payload"] = new JsonObject { ["schema"] = "EMAIL_SHA256", ["data"] = new JsonArray(Sha.Hex("solo@shop.test")) } });
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, body["num_received"]!.GetValue<int>());
        Assert.NotEmpty(body["session_id"]!.GetValue<string>());
        Assert.True(_audience.Contains("EMAIL", Sha.Hex("solo@shop.test")));
        Assert.Empty(_audience.Sessions);
        Assert.Null(Assert.Single(_emulator.UsersRequests).SessionId);
    }

    [Fact]
    public async Task Users_AnswersCode100Subcode33_ForAnUnknownAudience_And190_ForABadToken()
    {
        using var unknown = await SendAsync(HttpMethod.Post, Body(["EMAIL"], []), audienceId: "42");
        using var badToken = await SendAsync(HttpMethod.Post, Body(["EMAIL"], []), token: "nope");

        var unknownError = (await unknown.Content.ReadFromJsonAsync<JsonObject>())!["error"]!;
        Assert.Equal(100, unknownError["code"]!.GetValue<int>());
        Assert.Equal(33, unknownError["error_subcode"]!.GetValue<int>());
        Assert.Equal(190, (await badToken.Content.ReadFromJsonAsync<JsonObject>())!["error"]!["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Users_DiscardsBatchesOfASessionThatTimedOut()
    {
        await PostUsersAsync(["EMAIL"], [[Sha.Hex("a@shop.test")]]);
        _clock.Advance(TimeSpan.FromMinutes(91));

        await PostUsersAsync(["EMAIL"], [[Sha.Hex("b@shop.test")]], batchSeq: 2);

        Assert.Equal(1, _audience.Count);
        Assert.Equal(1, _audience.Sessions[1].DiscardedBatches);
    }

    [Fact]
    public async Task Users_RemoveTakesOutEveryoneSharingAnIdentifier()
    {
        await PostUsersAsync(["EMAIL", "PHONE"], [[Sha.Hex("a@shop.test"), Sha.Hex("15550000001")], [Sha.Hex("b@shop.test"), ""]]);

        using var response = await SendAsync(HttpMethod.Delete, Body(["PHONE"], [[Sha.Hex("15550000001")]], sessionId: 2));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, _audience.Count);
        Assert.True(_audience.Contains("EMAIL", Sha.Hex("b@shop.test")));
    }

    [Fact]
    public async Task Audience_ReportsItsApproximateCount_AndIsListedForItsAdAccount()
    {
        await PostUsersAsync(["EMAIL"], [[Sha.Hex("a@shop.test")], [Sha.Hex("b@shop.test")]]);

        var audience = await GetAsync($"v21.0/{_audience.Id}?fields=name,approximate_count_lower_bound,operation_status");
        var list = await GetAsync($"v21.0/act_{MetaSandbox.AccountId}/customaudiences?fields=id,name&limit=10");

        Assert.Equal(2, audience["approximate_count_lower_bound"]!.GetValue<int>());
        Assert.Equal(200, audience["operation_status"]!["code"]!.GetValue<int>());
        Assert.Equal(_audience.Id, list["data"]![0]!["id"]!.GetValue<string>());
    }

    private async Task<JsonObject> PostUsersAsync(string[] schema, string[][] rows, int batchSeq = 1)
    {
        using var response = await SendAsync(HttpMethod.Post, Body(schema, rows, batchSeq: batchSeq));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private async Task<JsonObject> GetAsync(string uri)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = new("Bearer", MetaCustomAudiencesEmulator.DefaultAccessToken);
        using var response = await _http.SendAsync(request);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, JsonObject body, string? audienceId = null, string token = MetaCustomAudiencesEmulator.DefaultAccessToken)
    {
        var request = new HttpRequestMessage(method, $"v21.0/{audienceId ?? _audience.Id}/users") { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new("Bearer", token);
        return _http.SendAsync(request);
    }

    private static JsonObject Body(string[] schema, string[][] rows, long sessionId = 1, int batchSeq = 1) => new()
    {
        ["payload"] = new JsonObject
        {
            ["schema"] = new JsonArray(schema.Select(s => (JsonNode?)s).ToArray()),
            ["data"] = new JsonArray(rows.Select(r => (JsonNode?)new JsonArray(r.Select(v => (JsonNode?)v).ToArray())).ToArray()),
        },
        ["session"] = new JsonObject { ["session_id"] = sessionId, ["batch_seq"] = batchSeq, ["last_batch_flag"] = false },
    };
}
