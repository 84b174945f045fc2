using System.Globalization;
using System.Text.Json.Nodes;
using ConnectorHub.Connectors.Mailchimp.Tests.Support;
using ConnectorHub.Sdk.Testing.Emulators;
using ConnectorHub.Sandbox.Mailchimp;
using ConnectorHub.Sdk.Destinations;
using ConnectorHub.Sdk.Testing.Connections;
using ConnectorHub.Sdk.Testing.Destinations;

namespace ConnectorHub.Connectors.Mailchimp.Tests.Acceptance;

/// <summary>
/// The Mailchimp destination against the emulator, which keeps each list's members: one list with the default
/// merge fields, people upserted by email.
/// </summary>
public sealed class MailchimpFixture : DestinationAcceptanceFixture
{
    /// <summary>Mailchimp's batch subscribe takes at most 500 members.</summary>
    private const int BatchSubscribeLimit = 500;

    private EmulatorHost? _host;

    public MailchimpEmulator Mailchimp { get; } = new();

    public MailchimpList List { get; private set; } = null!;

    public override IDestinationConnector Connector { get; } = new MailchimpDestination();

    public override EmulatorHost Emulator => _host ?? throw new InvalidOperationException("The emulator has not started.");

    public override JsonObject GoodConfig => Config(MailchimpEmulator.DefaultApiKey);

    public override IReadOnlyList<BadConfig> BadConfigs =>
    [
        new("a key Mailchimp does not know", Config("ffffffffffffffffffffffffffffffff-us14"), "'api_key'"),
        new("a key without its data center", Config("0123456789abcdef0123456789abcdef"), "data center"),
    ];

    public override WriteRequest WriteRequest => new()
    {
        Stream = "profiles",
        Mode = DestinationSyncMode.Upsert,
        Settings = new JsonObject { ["list_id"] = List.Id },
    };

    public override int PlatformBatchLimit => BatchSubscribeLimit;

    public override IReadOnlyList<DestinationRecord> CreateRecords(int count, int start) =>
        Enumerable.Range(start, count).Select(People.Upsert).ToArray();

    /// <summary>Contacts in the list; archived ones are removed.</summary>
    public override Task<int> CountStoredRecordsAsync(CancellationToken cancellationToken) =>
        Task.FromResult(List.Members.Count(m => m.Status != "archived"));

    public override IReadOnlyList<int> ReceivedBatchSizes() => Mailchimp.BatchSizes;

    /// <summary>
    /// Mailchimp's 429 (too many simultaneous connections) carries no Retry-After; this one does, to prove the
    /// connector honours one (it waits 3 s when there is none).
    /// </summary>
    public override Fault RateLimitFault(TimeSpan retryAfter)
    {
        var fault = MailchimpFaults.TooManyConnections(pathPrefix: $"/3.0/lists/{List.Id}", method: "POST");
        return fault with { Headers = new Dictionary<string, string> { ["Retry-After"] = ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture) } };
    }

    public override (DestinationRecord Record, string ExpectedReason) CreateRejectedRecord() =>
        (People.Upsert("fake-domain", People.Member(0) with { Email = ["jane@example.com"] }), "looks fake or invalid");

    public override async Task InitializeAsync()
    {
        List = Mailchimp.CreateList("Newsletter");
        _host = await EmulatorHost.StartAsync(Mailchimp);
    }

    public override async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    private JsonObject Config(string apiKey) => new()
    {
        ["api_key"] = apiKey,
        ["base_url"] = new Uri(Emulator.BaseAddress, "3.0").ToString(),
        ["max_connections"] = 3,
    };
}
