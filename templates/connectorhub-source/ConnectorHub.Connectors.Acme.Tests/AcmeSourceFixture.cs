using System.Text.Json.Nodes;
using ConnectorHub.Connectors.Acme.Tests.Stubs;
using ConnectorHub.Sdk.Sources;
using ConnectorHub.Sdk.Testing.Connections;
using ConnectorHub.Sdk.Testing.Emulators;
using ConnectorHub.Sdk.Testing.Sources;

namespace ConnectorHub.Connectors.Acme.Tests;

/// <summary>
/// The Acme source against the Acme API's WireMock stubs, with pages of 10 so every check spans several pages. The
/// kit drives the stubs for its resilience checks: a 429 storm, access tokens expiring mid-read, repeated pages.
/// </summary>
public sealed class AcmeSourceFixture : SourceAcceptanceFixture
{
    private readonly AcmeStubs _stubs = new(contacts: 45);

    public override ISourceConnector Connector { get; } = new AcmeSource();

    public override IEmulatedApi Emulator => _stubs.Api;

    public override JsonObject GoodConfig => Config(_stubs.Api.BaseAddress, _stubs.IssueRefreshToken());

    public override IReadOnlyList<BadConfig> BadConfigs =>
    [
        new("a refresh token Acme never issued", Config(_stubs.Api.BaseAddress, "acme_rt_unknown"), "reconnect the account"),
        new("no refresh token", new JsonObject { ["client_id"] = AcmeStubs.ClientId, ["client_secret"] = AcmeStubs.ClientSecret, ["base_url"] = _stubs.Api.BaseAddress.ToString() }, "'refresh_token' is required"),
    ];

    public override IReadOnlyCollection<string> NonSecretFields => ["access_token_expires_at"];

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

    public override JsonObject CreateOAuthConfig() => GoodConfig;

    public override void ExpireAccessTokens() => _stubs.ExpireAccessTokens();

    public override void SetPagingFault(PagingFault? fault) => _stubs.Paging = fault.ToMisbehaviour();

    public override Task<LargeStreamSource> StartLargeStreamAsync(int records, CancellationToken cancellationToken)
    {
        var stubs = new AcmeStubs(records); // its own stubs, so the other checks keep reading 45 contacts
        return Task.FromResult(new LargeStreamSource("contacts", Config(stubs.Api.BaseAddress, stubs.IssueRefreshToken(), pageSize: 100), records, stubs));
    }

    public override Task InitializeAsync() => Task.CompletedTask;

    public override Task DisposeAsync()
    {
        _stubs.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A configuration that reads from the stubs at <paramref name="baseAddress"/>.</summary>
    public static JsonObject Config(Uri baseAddress, string refreshToken, int pageSize = 10) => new()
    {
        ["client_id"] = AcmeStubs.ClientId,
        ["client_secret"] = AcmeStubs.ClientSecret,
        ["refresh_token"] = refreshToken,
        ["base_url"] = baseAddress.ToString(),
        ["page_size"] = pageSize,
    };
}
