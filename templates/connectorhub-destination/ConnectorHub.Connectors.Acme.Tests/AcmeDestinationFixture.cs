using System.Globalization;
using System.Text.Json.Nodes;
using ConnectorHub.Connectors.Acme.Tests.Emulator;
using ConnectorHub.Sdk.Testing.Emulators;
using ConnectorHub.Sdk.Destinations;
using ConnectorHub.Sdk.Testing.Connections;
using ConnectorHub.Sdk.Testing.Destinations;

namespace ConnectorHub.Connectors.Acme.Tests;

/// <summary>The Acme destination against the Acme emulator, which keeps contacts by external id and takes 100 per request.</summary>
public sealed class AcmeDestinationFixture : DestinationAcceptanceFixture
{
    private EmulatorHost? _host;

    public AcmeEmulator Api { get; } = new();

    public override IDestinationConnector Connector { get; } = new AcmeDestination();

    public override EmulatorHost Emulator => _host ?? throw new InvalidOperationException("The emulator has not started.");

    public override JsonObject GoodConfig => Config(Emulator.BaseAddress, AcmeEmulator.ApiKey);

    public override IReadOnlyList<BadConfig> BadConfigs =>
    [
        new("an API key Acme does not know", Config(Emulator.BaseAddress, "acme_live_0000000000000000"), "refused the API key"),
        new("no API key", new JsonObject { ["base_url"] = Emulator.BaseAddress.ToString() }, "'api_key' is required"),
    ];

    public override WriteRequest WriteRequest { get; } = new() { Stream = "contacts", Mode = DestinationSyncMode.Upsert };

    public override int PlatformBatchLimit => AcmeEmulator.MaxContactsPerRequest;

    public override IReadOnlyList<DestinationRecord> CreateRecords(int count, int start) =>
        Enumerable.Range(start, count).Select(Profile).ToArray();

    public override Task<int> CountStoredRecordsAsync(CancellationToken cancellationToken) => Task.FromResult(Api.Contacts.Count);

    public override IReadOnlyList<int> ReceivedBatchSizes() => Api.ReceivedBatchSizes.ToArray();

    public override Fault RateLimitFault(TimeSpan retryAfter) => AcmeFaults.RateLimited(retryAfter);

    public override (DestinationRecord Record, string ExpectedReason) CreateRejectedRecord() =>
        (new DestinationRecord("profile-bad-email", RecordOperation.Upsert, new AudienceMember { Email = ["not-an-email"] }.ToJson()), "'not-an-email' is not a valid email address");

    public override async Task InitializeAsync() => _host = await EmulatorHost.StartAsync(Api);

    public override async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>Profile <paramref name="number"/> as the hub activates it: the same number gives the same key.</summary>
    public static DestinationRecord Profile(int number)
    {
        var n = number.ToString(CultureInfo.InvariantCulture);
        var member = new AudienceMember { Email = [$"person{n}@example.com"], FirstName = "Person", LastName = n, Tags = ["vip"] };
        return new DestinationRecord($"profile-{n}", RecordOperation.Upsert, member.ToJson());
    }

    /// <summary>A configuration that writes to the emulator at <paramref name="baseAddress"/>.</summary>
    public static JsonObject Config(Uri baseAddress, string apiKey) => new()
    {
        ["api_key"] = apiKey,
        ["base_url"] = baseAddress.ToString(),
    };
}
