using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ConnectorHub.Core.Storage;
using ConnectorHub.TestSupport;

namespace ConnectorHub.Host.Tests.Tracking;

/// <summary>
/// What a web page loads from the hub (the browser library, its chunks, its settings) and the cross-origin rules of
/// its calls: only origins its source allows, readable refusals, server-side clients unaffected.
/// </summary>
public sealed class BrowserEndpointsTests
{
    private static readonly string BundleFolder = Path.Combine(RepoPaths.Root, "core", "ConnectorHub.Host", "Api", "Tracking", "Browser", "Bundle");

    [Fact]
    public async Task TheLibraryAndItsChunks_AreServedFromTheHub_AsCommitted()
    {
        await using var hub = await TrackingHub.StartAsync(StorageProvider.Sqlite);
        using var page = hub.Hub.CreateClient();
        var chunk = Path.GetFileName(Directory.GetFiles(BundleFolder, "queryString.bundle.*.js").Single());

        using var library = await page.GetAsync($"/analytics.js/v1/{hub.WriteKey}/analytics.min.js");
        using var chunkAnswer = await page.GetAsync("/analytics-next/bundles/" + chunk);
        using var missing = await page.GetAsync("/analytics-next/bundles/nothing.bundle.0.js");

        Assert.Equal(HttpStatusCode.OK, library.StatusCode);
        Assert.Equal("text/javascript", library.Content.Headers.ContentType!.MediaType);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(BundleFolder, "standalone.js")), await library.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, chunkAnswer.StatusCode);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(BundleFolder, chunk)), await chunkAnswer.Content.ReadAsByteArrayAsync());
        Assert.Contains("immutable", chunkAnswer.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Settings_PointTheLibraryAtTheHub_AndAnUnknownKeyIsNamed()
    {
        await using var hub = await TrackingHub.StartAsync(StorageProvider.Sqlite);
        await using var proxied = await TrackingHub.StartAsync(StorageProvider.Sqlite, new Dictionary<string, string?> { ["ConnectorHub:Tracking:PublicUrl"] = "https://hub.example.com/cdp/" });
        using var page = hub.Hub.CreateClient();

        var settings = (await page.GetFromJsonAsync<JsonObject>($"/v1/projects/{hub.WriteKey}/settings"))!;
        var behindProxy = (await proxied.Hub.CreateClient().GetFromJsonAsync<JsonObject>($"/v1/projects/{proxied.WriteKey}/settings"))!;
        using var unknown = await page.GetAsync("/v1/projects/whk_nobody/settings");

        var segmentIo = settings["integrations"]!["Segment.io"]!;
        Assert.Equal(hub.WriteKey, segmentIo["apiKey"]!.GetValue<string>());
        Assert.Equal("localhost/v1", segmentIo["apiHost"]!.GetValue<string>());
        Assert.Equal("http", segmentIo["protocol"]!.GetValue<string>());
        Assert.Single(settings["integrations"]!.AsObject());
        Assert.Equal(0, settings["metrics"]!["sampleRate"]!.GetValue<int>());
        Assert.Equal("hub.example.com/cdp/v1", behindProxy["integrations"]!["Segment.io"]!["apiHost"]!.GetValue<string>());
        Assert.Equal("https", behindProxy["integrations"]!["Segment.io"]!["protocol"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("'whk_nobody' is unknown or revoked", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(TrackingStores))]
    public async Task PagesOfAllowedOrigins_Send_OthersAreRefusedReadably_AndServerClientsAreUnaffected(StorageProvider provider)
    {
        await using var hub = await TrackingHub.StartAsync(provider);
        using var other = await hub.AddSourceAsync("app");
        var sources = (await hub.Admin.GetFromJsonAsync<JsonArray>("/api/tracking/sources"))!;
        var appId = sources.Single(s => s!["name"]!.GetValue<string>() == "app")!["id"]!.GetValue<Guid>();
        using var invalid = await hub.Admin.PutAsJsonAsync($"/api/tracking/sources/{hub.SourceId}/origins", new { origins = new[] { "shop.example.com", "https://shop.example.com/cart" } });
        using var saved = await hub.Admin.PutAsJsonAsync($"/api/tracking/sources/{hub.SourceId}/origins", new { origins = new[] { "HTTPS://Shop.Example.com:443/", "http://localhost:3000" } });
        await hub.Admin.PutAsJsonAsync($"/api/tracking/sources/{appId}/origins", new { origins = new[] { "https://app.example.com" } });

        using var preflight = await Send(HttpMethod.Options, "/v1/t", "https://shop.example.com", headers: ("Access-Control-Request-Method", "POST"));
        using var strangerPreflight = await Send(HttpMethod.Options, "/v1/t", "https://evil.example");
        using var allowed = await Send(HttpMethod.Post, "/v1/t", "https://shop.example.com", """{"anonymousId":"b-1","event":"Clicked","messageId":"from-shop"}""");
        using var wrongSource = await Send(HttpMethod.Post, "/v1/t", "https://app.example.com", """{"anonymousId":"b-1","event":"Clicked","messageId":"from-app"}""");
        var (serverStatus, _, _) = await hub.SendAsync("/v1/p", new JsonObject { ["anonymousId"] = "b-1", ["messageId"] = "from-server" });
        var listed = (await hub.Admin.GetFromJsonAsync<JsonObject>($"/api/tracking/sources/{hub.SourceId}/origins"))!;

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("'shop.example.com' is not a web origin", errors, StringComparison.Ordinal);
        Assert.Contains("leave out the path", errors, StringComparison.Ordinal);
        Assert.Equal(["http://localhost:3000", "https://shop.example.com"], listed["origins"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        Assert.Equal("https://shop.example.com", preflight.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("Authorization", preflight.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.Ordinal);
        Assert.False(strangerPreflight.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal("https://shop.example.com", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal(HttpStatusCode.Forbidden, wrongSource.StatusCode);
        Assert.Equal("https://app.example.com", wrongSource.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("Pages of https://app.example.com may not send events to tracking source 'website'", await wrongSource.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(200, serverStatus);
        Assert.Equal(["from-server", "from-shop"], (await hub.TimelineAsync((await hub.ProfileAsync("anonymous_id:b-1"))["id"]!.GetValue<long>()))
            .Select(e => e["messageId"]!.GetValue<string>()).Order(StringComparer.Ordinal));

        async Task<HttpResponseMessage> Send(HttpMethod method, string path, string origin, string? json = null, (string Name, string Value)? headers = null)
        {
            using var request = new HttpRequestMessage(method, path);
            request.Headers.Add("Origin", origin);
            request.Headers.Authorization = TrackingHub.Basic(hub.WriteKey);
            if (headers is { } header)
            {
                request.Headers.Add(header.Name, header.Value);
            }

            if (json is not null)
            {
                // As the browser library sends it: text/plain keeps the request simple for CORS.
                request.Content = new StringContent(json, Encoding.UTF8, "text/plain");
            }

            return await hub.Tracker.SendAsync(request);
        }
    }

    [Fact]
    public async Task TrackingPage_ShowsEachSourcesOriginsAndSnippet_PointingAtTheHub()
    {
        await using var hub = await TrackingHub.StartAsync(StorageProvider.Sqlite);
        await hub.Admin.PutAsJsonAsync($"/api/tracking/sources/{hub.SourceId}/origins", new { origins = new[] { "https://shop.example.com" } });

        var page = await hub.Admin.GetStringAsync("/tracking");

        Assert.Contains("<code class=\"badge badge-neutral\">https://shop.example.com</code>", page, StringComparison.Ordinal);
        Assert.Contains("Allowed web origins of website", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"snippet-template\"", page, StringComparison.Ordinal);
        Assert.Contains("analytics._cdn = &quot;http://localhost&quot;", page, StringComparison.Ordinal);
        Assert.Contains("analytics._writeKey = &quot;YOUR_WRITE_KEY&quot;", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommittedBundle_IsThePinnedPackageUnchanged()
    {
        var node = new NodeScripts(Path.Combine(RepoPaths.Root, "build", "analytics-next"), "Segment's browser library (@segment/analytics-next)");

        var check = await node.RunAsync("bundle.js", "verify", BundleFolder);

        Assert.Equal(ConnectorHub.Host.Api.Tracking.Browser.AnalyticsNextBundle.Version, check["version"]!.GetValue<string>());
        Assert.Empty(check["missing"]!.AsArray());
        Assert.Empty(check["different"]!.AsArray());
        Assert.Empty(check["extra"]!.AsArray());
    }
}
