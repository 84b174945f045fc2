using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Testing.Emulators;
using ConnectorHub.Sandbox.Mailchimp;

namespace ConnectorHub.Connectors.Mailchimp.Tests;

/// <summary>The Mailchimp emulator behaves like the Marketing API for the calls that matter (raw HTTP, no connector).</summary>
public sealed class EmulatorContractTests : IAsyncLifetime
{
    private EmulatorHost _host = null!;
    private MailchimpEmulator _emulator = null!;
    private MailchimpList _list = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _emulator = new MailchimpEmulator { Latency = TimeSpan.FromMilliseconds(200) };
        _list = _emulator.CreateList("Newsletter");
        _host = await EmulatorHost.StartAsync(_emulator);
        _http = new HttpClient { BaseAddress = new Uri(_host.BaseAddress, "3.0/") };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("anystring:" + MailchimpEmulator.DefaultApiKey)));
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Ping_AnswersChimpy_AndAMissingKeyIs401ProblemJson()
    {
        using var anonymous = new HttpClient { BaseAddress = _http.BaseAddress };
        using var missing = await anonymous.GetAsync("ping");

        Assert.Equal("Everything's Chimpy!", (await _http.GetFromJsonAsync<JsonObject>("ping"))!["health_status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
        Assert.Equal("API Key Missing", (await missing.Content.ReadFromJsonAsync<JsonObject>())!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task BatchSubscribe_Answers200_WithPerMemberErrors()
    {
        var body = await BatchAsync(false, Member("jane@freddiesjokes.com"), Member("bad@example.com"), Member("jo@freddiesjokes.com", new JsonObject { ["NOPE"] = "x" }));
        var again = await BatchAsync(false, Member("jane@freddiesjokes.com"));

        Assert.Equal(1, body["total_created"]!.GetValue<int>());
        Assert.Equal(2, body["error_count"]!.GetValue<int>());
        Assert.Contains("looks fake or invalid", body["errors"]![0]!["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("merge_fields.NOPE", body["errors"]![1]!["field"]!.GetValue<string>());
        Assert.Equal("ERROR_CONTACT_EXISTS", again["errors"]![0]!["error_code"]!.GetValue<string>());
    }

    [Fact]
    public async Task BatchSubscribe_RefusesMoreThan500Members()
    {
        using var response = await _http.PostAsJsonAsync($"lists/{_list.Id}", new JsonObject
        {
            ["members"] = new JsonArray(Enumerable.Range(0, 501).Select(i => (JsonNode)Member($"p{i}@freddiesjokes.com")).ToArray()),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Invalid Resource", (await response.Content.ReadFromJsonAsync<JsonObject>())!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task AddMember_SaysMemberExists_AndPutUpsertsByHashWithStatusIfNew()
    {
        var hash = SubscriberHash.Of("urist.mcvankab@freddiesjokes.com");
        using var put = await _http.PutAsJsonAsync($"lists/{_list.Id}/members/{hash}", new JsonObject { ["email_address"] = "urist.mcvankab@freddiesjokes.com", ["status_if_new"] = "pending" });
        using var post = await _http.PostAsJsonAsync($"lists/{_list.Id}/members", Member("urist.mcvankab@freddiesjokes.com"));

        Assert.Equal("62eeb292278cc15f5817cb78f7790b08", (await put.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>());
        Assert.Equal("pending", _list.Member("urist.mcvankab@freddiesjokes.com")!.Status);
        Assert.Equal("Member Exists", (await post.Content.ReadFromJsonAsync<JsonObject>())!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task MoreThanTenSimultaneousConnections_Get429()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 14).Select(_ => _http.GetAsync("ping")));

        var throttled = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(throttled);
        Assert.True(responses.Count(r => r.StatusCode == HttpStatusCode.OK) <= 10);
        Assert.Contains("10 simultaneous connections", (await throttled[0].Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Array.ForEach(responses, r => r.Dispose());
    }

    private async Task<JsonObject> BatchAsync(bool updateExisting, params JsonObject[] members)
    {
        using var response = await _http.PostAsJsonAsync($"lists/{_list.Id}", new JsonObject
        {
            ["members"] = new JsonArray(members.Select(m => (JsonNode)m).ToArray()),
            ["update_existing"] = updateExisting,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static JsonObject Member(string email, JsonObject? mergeFields = null) => new()
    {
        ["email_address"] = email,
        ["status"] = "subscribed",
        ["merge_fields"] = mergeFields ?? new JsonObject { ["FNAME"] = "Jane" },
    };
}
