using System.Globalization;
using System.Text.Json.Nodes;
using ConnectorHub.Connectors.Webhook.Tests.Receiving;
using ConnectorHub.Sdk.Testing.Emulators;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Destinations;
using ConnectorHub.Sdk.Testing.Connections;
using ConnectorHub.Sdk.Testing.Destinations;

namespace ConnectorHub.Connectors.Webhook.Tests.Acceptance;

/// <summary>
/// The webhook destination against a <see cref="WebhookReceiver"/> that takes at most 100 records per request and
/// keeps records by stream and key (its upsert view), so a replay shows up as duplicates only if keys change.
/// </summary>
public sealed class WebhookDestinationFixture : DestinationAcceptanceFixture
{
    private const int ReceiverLimit = 100;

    private EmulatorHost? _host;

    // The clock of the check under way: the receiver checks signature timestamps against it, as a real receiver
    // checks them against real time that the sender shares.
    private TimeProvider _clock = TimeProvider.System;

    public WebhookReceiver Receiver { get; private set; } = null!;

    public override IDestinationConnector Connector { get; } = new WebhookDestination();

    public override EmulatorHost Emulator => _host ?? throw new InvalidOperationException("The receiver has not started.");

    public override JsonObject GoodConfig => Config(WebhookTestBed.Secret);

    public override IReadOnlyList<BadConfig> BadConfigs =>
    [
        new("a signing secret the receiver does not share", Config("whsec_not-the-receivers-own-secret"), "signing_secret"),
        new("a URL where nothing takes POSTs", Config(WebhookTestBed.Secret, new Uri(Emulator.BaseAddress, "nowhere")), "'url'"),
        new("a URL that is not one", new JsonObject { ["url"] = "not a url" }, "'url'"),
    ];

    public override WriteRequest WriteRequest => new() { Stream = "profiles", Mode = DestinationSyncMode.Upsert };

    public override int PlatformBatchLimit => ReceiverLimit;

    public override IReadOnlyList<DestinationRecord> CreateRecords(int count, int start) =>
        Enumerable.Range(start, count)
            .Select(i => new DestinationRecord(
                $"profile-{i.ToString(CultureInfo.InvariantCulture)}",
                RecordOperation.Upsert,
                new JsonObject { ["email"] = $"person{i}@example.com", ["traits"] = new JsonObject { ["plan"] = i % 2 == 0 ? "pro" : "free" } }))
            .ToArray();

    public override Task<int> CountStoredRecordsAsync(CancellationToken cancellationToken) => Task.FromResult(Receiver.Store.Count(WriteRequest.Stream));

    public override IReadOnlyList<int> ReceivedBatchSizes() =>
        Receiver.Requests.Where(r => r.Stream == WriteRequest.Stream).Select(r => r.Keys.Count).ToArray();

    public override Fault RateLimitFault(TimeSpan retryAfter) => new()
    {
        StatusCode = 429,
        Body = """{"error":"slow down"}""",
        Headers = new Dictionary<string, string> { ["Retry-After"] = ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture) },
        PathPrefix = WebhookReceiver.Path,
    };

    public override (DestinationRecord Record, string ExpectedReason) CreateRejectedRecord() =>
        (new DestinationRecord("profile-bad-email", RecordOperation.Upsert, new JsonObject { ["email"] = "not-an-email" }), "'not-an-email' is not an email address");

    public override ConnectorContext CreateContext(JsonObject config, TimeProvider time, IConfigUpdater updater)
    {
        _clock = time;
        return base.CreateContext(config, time, updater);
    }

    public override async Task InitializeAsync()
    {
        Receiver = new WebhookReceiver(WebhookTestBed.Secret, () => _clock.GetUtcNow()) { MaxRecordsPerRequest = ReceiverLimit };
        _host = await EmulatorHost.StartAsync(Receiver);
    }

    public override async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    private JsonObject Config(string secret, Uri? url = null) => new()
    {
        ["url"] = (url ?? new Uri(Emulator.BaseAddress, WebhookReceiver.Path.TrimStart('/'))).ToString(),
        ["signing_secret"] = secret,
        ["batch_size"] = ReceiverLimit,
    };
}
