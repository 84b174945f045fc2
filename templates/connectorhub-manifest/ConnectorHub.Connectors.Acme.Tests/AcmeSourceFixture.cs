using System.Text.Json.Nodes;
using ConnectorHub.Connectors.Acme.Tests.Stubs;
using ConnectorHub.Sdk.Manifests;
using ConnectorHub.Sdk.Sources;
using ConnectorHub.Sdk.Testing.Connections;
using ConnectorHub.Sdk.Testing.Emulators;
using ConnectorHub.Sdk.Testing.Sources;

namespace ConnectorHub.Connectors.Acme.Tests;

/// <summary>
/// The Acme manifest, loaded from the plugin folder as the hub loads it, against the Acme API's WireMock stubs, with
/// pages of 10 so every check spans several pages.
/// </summary>
public sealed class AcmeSourceFixture : SourceAcceptanceFixture
{
    private readonly AcmeStubs _stubs = new(contacts: 45);

    public AcmeSourceFixture() => Skip(SourceCheck.TokenExpiry, "Acme authenticates with long-lived API keys: there is no access token to expire and no refresh token to rotate.");

    /// <summary>The plugin folder copied beside the tests (see the project file).</summary>
    public static string PluginFolder => Path.Combine(AppContext.BaseDirectory, "plugin");

    public override ISourceConnector Connector { get; } = ManifestSource.FromFolder(PluginFolder);

    public override IEmulatedApi Emulator => _stubs.Api;

    public override JsonObject GoodConfig => Config(_stubs.Api.BaseAddress, AcmeStubs.ApiKey);

    public override IReadOnlyList<BadConfig> BadConfigs =>
    [
        new("an API key Acme does not know", Config(_stubs.Api.BaseAddress, "acme_live_0000000000000000"), "refused the API key"),
        new("no API key", new JsonObject { ["base_url"] = _stubs.Api.BaseAddress.ToString() }, "api_key"),
    ];

    public override IReadOnlyDictionary<string, IReadOnlyList<JsonObject>> ExpectedRecords { get; } = new Dictionary<string, IReadOnlyList<JsonObject>>
    {
        ["contacts"] = [AcmeStubs.Contact(0)],
    };

    /// <summary>Acme contacts are small (about 200 characters): 8 MB still holds many pages of 100, and not 50,000 contacts.</summary>
    public override long LargeStreamHeapAllowanceBytes => 8L * 1024 * 1024;

    public override JsonNode FutureState(StreamDescriptor stream) => new JsonObject { ["cursor"] = "2100-01-01T00:00:00Z", ["ids"] = new JsonArray() };

    public override Fault RateLimitFault(TimeSpan retryAfter) => new()
    {
        StatusCode = 429,
        Body = """{"error":"rate_limited","message":"Too many requests."}""",
        Headers = new Dictionary<string, string> { ["Retry-After"] = ((int)retryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture) },
        PathPrefix = "/v1/",
    };

    public override void SetPagingFault(PagingFault? fault) => _stubs.Paging = fault.ToMisbehaviour();

    public override Task<LargeStreamSource> StartLargeStreamAsync(int records, CancellationToken cancellationToken)
    {
        var stubs = new AcmeStubs(records); // its own stubs, so the other checks keep reading 45 contacts
        return Task.FromResult(new LargeStreamSource("contacts", Config(stubs.Api.BaseAddress, AcmeStubs.ApiKey, pageSize: 100), records, stubs));
    }

    public override Task InitializeAsync() => Task.CompletedTask;

    public override Task DisposeAsync()
    {
        _stubs.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A configuration that reads from the stubs at <paramref name="baseAddress"/>.</summary>
    public static JsonObject Config(Uri baseAddress, string apiKey, int pageSize = 10) => new()
    {
        ["api_key"] = apiKey,
        ["base_url"] = baseAddress.ToString(),
        ["page_size"] = pageSize,
    };
}
