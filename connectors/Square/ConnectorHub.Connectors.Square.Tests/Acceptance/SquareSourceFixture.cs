using System.Globalization;
using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Testing.Emulators;
using ConnectorHub.Sandbox.Seed;
using ConnectorHub.Sandbox.Square;
using ConnectorHub.Sandbox.Square.Seed;
using ConnectorHub.Sdk.Sources;
using ConnectorHub.Sdk.Testing.Connections;
using ConnectorHub.Sdk.Testing.Sources;
using ConnectorHub.Sdk.Testing.Time;
using Microsoft.Extensions.Time.Testing;

namespace ConnectorHub.Connectors.Square.Tests.Acceptance;

/// <summary>
/// The Square source against the Square emulator (60 customers, 150 orders and their payments over 12 locations),
/// with pages of 10 so every check spans several pages and location batches. The emulator's clock stands at the
/// kit's start time, so the OAuth tokens it issues are fresh to the connector.
/// </summary>
public sealed class SquareSourceFixture : SourceAcceptanceFixture
{
    private const string ClientId = "sq0idp-acceptance";
    private const string ClientSecret = "sq0csp-acceptance-secret";
    private static readonly SquareSeedOptions Seed = new() { Customers = 60, Orders = 150, Locations = 12 };

    private EmulatorHost? _host;
    private int _refreshTokens;

    public SquareSourceFixture()
    {
        Api.RotateRefreshTokens = true;
        Api.OAuthClients[ClientId] = new SquareOAuthClient(ClientId, ClientSecret);
    }

    public SquareEmulator Api { get; } = new(Seed, new FakeTimeProvider(InstantTimeProvider.DefaultStart));

    public override ISourceConnector Connector { get; } = new SquareSource();

    public override EmulatorHost Emulator => _host ?? throw new InvalidOperationException("The emulator has not started.");

    public override JsonObject GoodConfig => Config(SquareEmulator.DefaultAccessToken);

    public override IReadOnlyList<BadConfig> BadConfigs =>
    [
        new("an access token Square does not know", Config("EAAAl-unknown-token-0000000000"), "refused the access token"),
        new("a location the seller does not have", WithLocations(Config(SquareEmulator.DefaultAccessToken), "LNOPE00000000"), "location_ids"),
        new("a revoked OAuth refresh token", OAuthConfig("EQAA-revoked-refresh-token"), "Reconnect"),
    ];

    /// <summary>The first customers are the shared people from <see cref="SquareSeedOptions.FirstPerson"/> on, as Square writes them.</summary>
    public override IReadOnlyDictionary<string, IReadOnlyList<JsonObject>> ExpectedRecords => new Dictionary<string, IReadOnlyList<JsonObject>>
    {
        ["customers"] = Api.Customers.Take(3).Select((customer, i) =>
        {
            var person = new SandboxPeople().Get(Seed.FirstPerson + i);
            return new JsonObject
            {
                ["id"] = customer.Id,
                ["given_name"] = person.FirstName,
                ["family_name"] = person.LastName,
                ["email_address"] = customer.EmailAddress,
            };
        }).ToArray(),
    };

    public override JsonNode FutureState(StreamDescriptor stream) => new JsonObject
    {
        ["version"] = 1,
        ["cursor"] = "2100-01-01T00:00:00.0000000Z",
        ["ids_at_cursor"] = new JsonArray(),
    };

    /// <summary>Square sends no Retry-After; the fault carries one anyway, and the connector honours it when present.</summary>
    public override Fault RateLimitFault(TimeSpan retryAfter) => SquareFaults.RateLimited(retryAfter: retryAfter);

    /// <summary>An OAuth connection (PKCE flow: refresh tokens rotate) with a refresh token of its own.</summary>
    public override JsonObject CreateOAuthConfig()
    {
        var refreshToken = "EQAA-acceptance-" + Interlocked.Increment(ref _refreshTokens).ToString(CultureInfo.InvariantCulture);
        Api.RefreshTokens[refreshToken] = ClientId;
        return OAuthConfig(refreshToken);
    }

    /// <summary>Every access token issued through OAuth expires now (the personal access token never expires).</summary>
    public override void ExpireAccessTokens()
    {
        var now = Api.Time.GetUtcNow();
        foreach (var token in Api.AccessTokens.Where(t => t.Value is not null).Select(t => t.Key).ToList())
        {
            Api.AccessTokens[token] = now;
        }
    }

    public override void SetPagingFault(PagingFault? fault) => Api.Paging = fault.ToMisbehaviour();

    /// <summary>
    /// Orders of one location (Square's largest records), 100 a page. The check weighs the whole process, emulator
    /// included, and the runtime's buffer pools keep what they grew to: answers of 1000 orders (2 MB) leave tens of
    /// MB pooled after the read, whatever the connector holds; 100 a page leaves a few.
    /// </summary>
    public override async Task<LargeStreamSource> StartLargeStreamAsync(int records, CancellationToken cancellationToken)
    {
        var api = new SquareEmulator(new SquareSeedOptions { Locations = 1, Customers = 10, Orders = records });
        var host = await EmulatorHost.StartAsync(api, cancellationToken: cancellationToken);
        var config = new JsonObject { ["access_token"] = SquareEmulator.DefaultAccessToken, ["base_url"] = host.BaseAddress.ToString(), ["page_size"] = 100 };
        return new LargeStreamSource("orders", config, records, host);
    }

    public override async Task InitializeAsync() => _host = await EmulatorHost.StartAsync(Api);

    public override async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    private JsonObject Config(string token) => new()
    {
        ["access_token"] = token,
        ["base_url"] = Emulator.BaseAddress.ToString(),
        ["square_version"] = "2026-09-16",
        ["page_size"] = 10,
    };

    private JsonObject OAuthConfig(string refreshToken) => new()
    {
        ["client_id"] = ClientId,
        ["client_secret"] = ClientSecret,
        ["refresh_token"] = refreshToken,
        ["base_url"] = Emulator.BaseAddress.ToString(),
        ["square_version"] = "2026-09-16",
        ["page_size"] = 10,
    };

    private static JsonObject WithLocations(JsonObject config, params string[] locations)
    {
        config["location_ids"] = new JsonArray(locations.Select(l => (JsonNode?)JsonValue.Create(l)).ToArray());
        return config;
    }
}
