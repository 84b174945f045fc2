using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Testing.Emulators;
using ConnectorHub.Sandbox.HubSpot;
using ConnectorHub.Sandbox.Seed;
using ConnectorHub.Sdk.Sources;
using ConnectorHub.Sdk.Testing.Connections;
using ConnectorHub.Sdk.Testing.Sources;

namespace ConnectorHub.Connectors.HubSpot.Tests;

/// <summary>The HubSpot source against the HubSpot emulator, with small pages so every check spans several of them.</summary>
public sealed class HubSpotSourceFixture : SourceAcceptanceFixture
{
    private EmulatorHost? _host;

    public HubSpotEmulator Hub { get; } = new(new HubSpotEmulatorOptions { Contacts = 60, Companies = 50, Deals = 50 });

    public override ISourceConnector Connector { get; } = new HubSpotSource();

    public override EmulatorHost Emulator => _host ?? throw new InvalidOperationException("The emulator has not started.");

    public override JsonObject GoodConfig => HubSpotConfigs.PrivateApp(Emulator.BaseAddress, Hub.Options.PrivateAppToken);

    public override IReadOnlyList<BadConfig> BadConfigs =>
    [
        new("unknown private app token", HubSpotConfigs.PrivateApp(Emulator.BaseAddress, "pat-na1-00000000-0000-0000-0000-000000000000"), "refused the access token"),
        new("token without the companies scope", HubSpotConfigs.PrivateApp(Emulator.BaseAddress, Hub.Tokens.AddPrivateAppToken(["crm.objects.contacts.read", "crm.objects.deals.read"])), "crm.objects.companies.read"),
        new("revoked OAuth refresh token", HubSpotConfigs.OAuth(Emulator.BaseAddress, Hub, "na1-revoked"), "reconnect"),
    ];

    /// <summary>The first contacts are the sandbox's first people: the shared generator and the emulator agree.</summary>
    public override IReadOnlyDictionary<string, IReadOnlyList<JsonObject>> ExpectedRecords { get; } = new Dictionary<string, IReadOnlyList<JsonObject>>
    {
        ["contacts"] = new SandboxPeople().Range(0, 3).Select((person, i) => new JsonObject
        {
            ["id"] = (1001 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["properties"] = new JsonObject
            {
                ["firstname"] = person.FirstName,
                ["lastname"] = person.LastName,
                ["zip"] = person.Address.PostalCode,
                ["company"] = person.Company,
            },
            ["archived"] = false,
        }).ToArray(),
    };

    public override JsonNode FutureState(StreamDescriptor stream) => new JsonObject { ["cursor"] = new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), ["ids"] = new JsonArray() };

    public override Fault RateLimitFault(TimeSpan retryAfter) => HubSpotFaults.RateLimited(retryAfter);

    public override JsonObject CreateOAuthConfig() => HubSpotConfigs.OAuth(Emulator.BaseAddress, Hub, Hub.Tokens.IssueRefreshToken());

    public override void ExpireAccessTokens() => Hub.Tokens.ExpireAccessTokens();

    public override void SetPagingFault(PagingFault? fault) => Hub.Paging = fault.ToMisbehaviour();

    public override async Task<LargeStreamSource> StartLargeStreamAsync(int records, CancellationToken cancellationToken)
    {
        var hub = new HubSpotEmulator(new HubSpotEmulatorOptions { Contacts = records, Companies = 0, Deals = 0 });
        var host = await EmulatorHost.StartAsync(hub, cancellationToken: cancellationToken);
        return new LargeStreamSource("contacts", HubSpotConfigs.PrivateApp(host.BaseAddress, hub.Options.PrivateAppToken, pageSize: 100), records, host);
    }

    public override async Task InitializeAsync() => _host = await EmulatorHost.StartAsync(Hub);

    public override async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
