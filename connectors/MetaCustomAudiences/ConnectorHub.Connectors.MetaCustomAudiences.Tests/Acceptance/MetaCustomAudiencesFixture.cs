using System.Text.Json.Nodes;
using ConnectorHub.Connectors.MetaCustomAudiences.Tests.Support;
using ConnectorHub.Sdk.Testing.Emulators;
using ConnectorHub.Sandbox.Meta.CustomAudiences;
using ConnectorHub.Sandbox.Meta.Graph;
using ConnectorHub.Sdk.Destinations;
using ConnectorHub.Sdk.Testing.Connections;
using ConnectorHub.Sdk.Testing.Destinations;

namespace ConnectorHub.Connectors.MetaCustomAudiences.Tests.Acceptance;

/// <summary>
/// The Meta Custom Audiences destination against the emulator, which keeps each audience's membership: one
/// audience, people added by email (one row each).
/// </summary>
public sealed class MetaCustomAudiencesFixture : DestinationAcceptanceFixture
{
    private EmulatorHost? _host;

    public MetaCustomAudiencesEmulator Meta { get; } = new();

    public CustomAudience Audience { get; private set; } = null!;

    public override IDestinationConnector Connector { get; } = new MetaCustomAudiencesDestination();

    public override EmulatorHost Emulator => _host ?? throw new InvalidOperationException("The emulator has not started.");

    public override JsonObject GoodConfig => Config(MetaCustomAudiencesEmulator.DefaultAccessToken, "act_" + MetaSandbox.AccountId);

    public override IReadOnlyList<BadConfig> BadConfigs =>
    [
        new("an access token Meta does not know", Config("EAAB-revoked-token", "act_" + MetaSandbox.AccountId), "access_token"),
        new("an ad account id that is not a number", Config(MetaCustomAudiencesEmulator.DefaultAccessToken, "act_shop"), "ad_account_id"),
    ];

    public override WriteRequest WriteRequest => new()
    {
        Stream = "vip-customers",
        Mode = DestinationSyncMode.AddRemove,
        Settings = new JsonObject { ["audience_id"] = Audience.Id },
    };

    public override int PlatformBatchLimit => Meta.MaxRowsPerRequest;

    public override IReadOnlyList<DestinationRecord> CreateRecords(int count, int start) =>
        Enumerable.Range(start, count).Select(Members.Add).ToArray();

    public override Task<int> CountStoredRecordsAsync(CancellationToken cancellationToken) => Task.FromResult(Audience.Count);

    /// <summary>The rows of each request: every request carries records (there is no closing request).</summary>
    public override IReadOnlyList<int> ReceivedBatchSizes() => Meta.UsersRequests.Select(r => r.Rows).ToArray();

    /// <summary>Meta throttles with HTTP 400 and says when access returns, in whole minutes, in its usage header.</summary>
    public override Fault RateLimitFault(TimeSpan retryAfter) =>
        MetaFaults.Throttled((int)Math.Ceiling(retryAfter.TotalMinutes), MetaSandbox.AccountId, pathPrefix: $"/v21.0/{Audience.Id}/users");

    public override (DestinationRecord Record, string ExpectedReason) CreateRejectedRecord()
    {
        const string email = "refused@shop.test";
        Meta.RejectValue(Sha.Hex(email));
        return (new DestinationRecord("refused", RecordOperation.Add, new AudienceMember { Email = [email] }.ToJson()), "invalid entry");
    }

    public override async Task InitializeAsync()
    {
        Audience = Meta.CreateAudience(MetaSandbox.AccountId, "VIP customers");
        _host = await EmulatorHost.StartAsync(Meta);
    }

    public override async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    private JsonObject Config(string token, string account) => new()
    {
        ["access_token"] = token,
        ["ad_account_id"] = account,
        ["api_version"] = "v21.0",
        ["base_url"] = Emulator.BaseAddress.ToString(),
    };
}
