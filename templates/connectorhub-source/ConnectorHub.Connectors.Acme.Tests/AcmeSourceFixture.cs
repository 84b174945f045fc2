using System.Text.Json.Nodes;
using ConnectorHub.Connectors.Acme.Tests.Emulator;
using ConnectorHub.Sdk.Testing.Emulators;
using ConnectorHub.Sdk.Sources;
using ConnectorHub.Sdk.Testing.Connections;
using ConnectorHub.Sdk.Testing.Sources;

namespace ConnectorHub.Connectors.Acme.Tests;

/// <summary>
/// The Acme source against the Acme emulator, with pages of 10 so every check spans several pages: a crash can
/// fall between two checkpoints, and a 429 storm hits the requests after the first record.
/// </summary>
public sealed class AcmeSourceFixture : SourceAcceptanceFixture
{
    private EmulatorHost? _host;

    public AcmeSourceFixture()
    {
        Skip(SourceCheck.TokenExpiry, "Acme authenticates with long-lived API keys: there is no access token to expire and no refresh token to rotate.");
    }

    public AcmeEmulator Api { get; } = new(contacts: 45);

    public override ISourceConnector Connector { get; } = new AcmeSource();

    public override EmulatorHost Emulator => _host ?? throw new InvalidOperationException("The emulator has not started.");

    public override JsonObject GoodConfig => Config(Emulator.BaseAddress, AcmeEmulator.ApiKey);

    public override IReadOnlyList<BadConfig> BadConfigs =>
    [
        new("an API key Acme does not know", Config(Emulator.BaseAddress, "acme_live_0000000000000000"), "refused the API key"),
        new("no API key", new JsonObject { ["base_url"] = Emulator.BaseAddress.ToString() }, "'api_key' is required"),
    ];

    /// <summary>The first contact, written out by hand: the emulator's data as a reader of its code expects it.</summary>
    public override IReadOnlyDictionary<string, IReadOnlyList<JsonObject>> ExpectedRecords { get; } = new Dictionary<string, IReadOnlyList<JsonObject>>
    {
        ["contacts"] =
        [
            new JsonObject
            {
                ["id"] = "c_1000",
                ["email"] = "ada.lovelace0@example.com",
                ["first_name"] = "Ada",
                ["last_name"] = "Lovelace",
                ["updated_at"] = "2024-01-01T00:00:00Z",
            },
        ],
    };

    /// <summary>
    /// Acme contacts are small (about 200 characters), so all 50,000 would take about 19 MB: within reach of the kit's
    /// default 24 MB allowance, which would prove nothing. 8 MB still holds many pages of 100.
    /// </summary>
    public override long LargeStreamHeapAllowanceBytes => 8L * 1024 * 1024;

    public override JsonNode FutureState(StreamDescriptor stream) => new JsonObject { ["updated_at"] = "2100-01-01T00:00:00Z", ["ids"] = new JsonArray() };

    public override Fault RateLimitFault(TimeSpan retryAfter) => AcmeFaults.RateLimited(retryAfter);

    public override void SetPagingFault(PagingFault? fault) => Api.Paging = fault.ToMisbehaviour();

    public override async Task<LargeStreamSource> StartLargeStreamAsync(int records, CancellationToken cancellationToken)
    {
        // An emulator of its own, so the other checks keep reading 45 contacts.
        var api = new AcmeEmulator(contacts: records);
        var host = await EmulatorHost.StartAsync(api, cancellationToken: cancellationToken);
        return new LargeStreamSource("contacts", Config(host.BaseAddress, AcmeEmulator.ApiKey, pageSize: 100), records, host);
    }

    public override async Task InitializeAsync() => _host = await EmulatorHost.StartAsync(Api);

    public override async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>A configuration that reads from the emulator at <paramref name="baseAddress"/>.</summary>
    public static JsonObject Config(Uri baseAddress, string apiKey, int pageSize = 10) => new()
    {
        ["api_key"] = apiKey,
        ["base_url"] = baseAddress.ToString(),
        ["page_size"] = pageSize,
    };
}
