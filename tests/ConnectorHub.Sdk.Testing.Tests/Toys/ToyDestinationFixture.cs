using System.Globalization;
using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Testing.Emulators;
using ConnectorHub.Sdk.Destinations;
using ConnectorHub.Sdk.Testing.Connections;
using ConnectorHub.Sdk.Testing.Destinations;

namespace ConnectorHub.Sdk.Testing.Tests.Toys;

/// <summary>The toy destination against the toy audience API; <see cref="Defects"/> chooses which toy.</summary>
public sealed class ToyDestinationFixture : DestinationAcceptanceFixture
{
    private EmulatorHost? _host;

    public ToyAudienceEmulator Audience { get; } = new();

    public ToyDestinationDefects Defects { get; init; }

    public override IDestinationConnector Connector => new ToyDestination(Defects);

    public override EmulatorHost Emulator => _host ?? throw new InvalidOperationException("Not started.");

    public override JsonObject GoodConfig => Config(ToyAudienceEmulator.Token);

    public override IReadOnlyList<BadConfig> BadConfigs => [new("wrong token", Config("not-the-token"), "refused")];

    public override WriteRequest WriteRequest => new() { Stream = "vip", Mode = DestinationSyncMode.AddRemove };

    public override int PlatformBatchLimit => ToyAudienceEmulator.BatchLimit;

    public override IReadOnlyList<DestinationRecord> CreateRecords(int count, int start) =>
        Enumerable.Range(start, count)
            .Select(i => new DestinationRecord($"person-{i.ToString(CultureInfo.InvariantCulture)}", RecordOperation.Add, new JsonObject { ["email"] = $"person{i}@example.com" }))
            .ToArray();

    public override (DestinationRecord Record, string ExpectedReason) CreateRejectedRecord() =>
        (new DestinationRecord("no-at-sign", RecordOperation.Add, new JsonObject { ["email"] = "not-an-email" }), "INVALID_EMAIL");

    public override Task<int> CountStoredRecordsAsync(CancellationToken cancellationToken) => Task.FromResult(Audience.MemberCount);

    public override IReadOnlyList<int> ReceivedBatchSizes() => Audience.BatchSizes;

    public override Fault RateLimitFault(TimeSpan retryAfter) => new()
    {
        StatusCode = 429,
        Body = """{"error":"RATE_LIMITED"}""",
        Headers = new Dictionary<string, string> { ["Retry-After"] = ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture) },
        PathPrefix = "/audiences",
    };

    public override async Task InitializeAsync() => _host = await EmulatorHost.StartAsync(Audience);

    public override async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    private JsonObject Config(string token) => new() { ["api_token"] = token, ["base_url"] = Emulator.BaseAddress.ToString() };
}
