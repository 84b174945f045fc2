using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ConnectorHub.Core.Access;
using ConnectorHub.Core.Storage;
using ConnectorHub.TestSupport;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectorHub.Host.Tests.Tracking;

/// <summary>
/// A hub on SQLite or PostgreSQL with one tracking source and a write key, created through the REST API as an admin
/// would; <see cref="Tracker"/> sends calls with the key as Segment's clients do (HTTP Basic, empty password).
/// </summary>
public sealed class TrackingHub : IAsyncDisposable
{
    private TrackingHub(HubFactory hub, HttpClient admin, HttpClient tracker, Guid sourceId, string sourceName, string writeKey)
    {
        Hub = hub;
        Admin = admin;
        Tracker = tracker;
        SourceId = sourceId;
        SourceName = sourceName;
        WriteKey = writeKey;
    }

    public HubFactory Hub { get; }

    public HttpClient Admin { get; }

    public HttpClient Tracker { get; }

    public Guid SourceId { get; }

    public string SourceName { get; }

    public string WriteKey { get; }

    /// <summary>Starts the hub; with <paramref name="kestrelPort"/> it listens on that real loopback port (for clients outside the process).</summary>
    public static async Task<TrackingHub> StartAsync(StorageProvider provider, IReadOnlyDictionary<string, string?>? settings = null, int? kestrelPort = null)
    {
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        if (provider == StorageProvider.Postgres)
        {
            all["ConnectorHub:Storage:Provider"] = "Postgres";
            all["ConnectorHub:Storage:ConnectionString"] = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("tracking");
        }

        var hub = new HubFactory(all);
        if (kestrelPort is { } port)
        {
            hub.UseKestrel(port);
        }

        var admin = await hub.CreateClientAsync(HubRole.Admin);
        var source = await PostAsync(admin, "/api/tracking/sources", new { name = "website" });
        var sourceId = source["id"]!.GetValue<Guid>();
        var key = await PostAsync(admin, $"/api/tracking/sources/{sourceId}/write-keys", new { });
        var writeKey = key["writeKey"]!.GetValue<string>();
        var tracker = hub.CreateClient();
        tracker.DefaultRequestHeaders.Authorization = Basic(writeKey);
        return new TrackingHub(hub, admin, tracker, sourceId, "website", writeKey);
    }

    public static AuthenticationHeaderValue Basic(string writeKey) => new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(writeKey + ":")));

    public static async Task<JsonNode> PostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>Sends a JSON body to a tracking endpoint; returns the status and the parsed answer.</summary>
    public async Task<(int Status, JsonObject Body, HttpResponseMessage Response)> SendAsync(string path, string json, HttpClient? client = null)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        var response = await (client ?? Tracker).PostAsync(path, content);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonNode.Parse(text) as JsonObject ?? [], response);
    }

    public Task<(int Status, JsonObject Body, HttpResponseMessage Response)> SendAsync(string path, JsonNode body, HttpClient? client = null) =>
        SendAsync(path, body.ToJsonString(), client);

    /// <summary>Sends raw bytes (not necessarily UTF-8 or JSON), optionally with a <c>Content-Encoding</c>.</summary>
    public async Task<(int Status, JsonObject Body, HttpResponseMessage Response)> SendBytesAsync(string path, byte[] body, string? contentEncoding = null, HttpClient? client = null)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (contentEncoding is not null)
        {
            content.Headers.ContentEncoding.Add(contentEncoding);
        }

        var response = await (client ?? Tracker).PostAsync(path, content);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonNode.Parse(text) as JsonObject ?? [], response);
    }

    /// <summary>Another tracking source with a write key of its own; returns a client that sends with that key.</summary>
    public async Task<HttpClient> AddSourceAsync(string name)
    {
        var source = await PostAsync(Admin, "/api/tracking/sources", new { name });
        var key = await PostAsync(Admin, $"/api/tracking/sources/{source["id"]!.GetValue<Guid>()}/write-keys", new { });
        var client = Hub.CreateClient();
        client.DefaultRequestHeaders.Authorization = Basic(key["writeKey"]!.GetValue<string>());
        return client;
    }

    /// <summary>A scalar query on the hub's database.</summary>
    public async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await Hub.Services.GetRequiredService<HubDatabase>().OpenConnectionAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<T>(sql, parameters) ?? throw new InvalidOperationException($"No value for {sql}.");
    }

    /// <summary>The profile holding an identifier, through the REST API.</summary>
    public async Task<JsonObject> ProfileAsync(string identifier) =>
        (await Admin.GetFromJsonAsync<JsonObject>($"/api/profiles/lookup?identifier={Uri.EscapeDataString(identifier)}"))!;

    /// <summary>Every event on a profile's timeline, through the REST API (all pages).</summary>
    public async Task<IReadOnlyList<JsonObject>> TimelineAsync(long profileId)
    {
        var events = new List<JsonObject>();
        string? before = null;
        do
        {
            var page = (await Admin.GetFromJsonAsync<JsonObject>($"/api/profiles/{profileId}/events?limit=200" + (before is null ? string.Empty : "&before=" + Uri.EscapeDataString(before))))!;
            events.AddRange(page["items"]!.AsArray().Select(e => e!.AsObject()));
            before = page["next"]?.GetValue<string>();
        }
        while (before is not null);
        return events;
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        Tracker.Dispose();
        await Hub.DisposeAsync();
    }
}
