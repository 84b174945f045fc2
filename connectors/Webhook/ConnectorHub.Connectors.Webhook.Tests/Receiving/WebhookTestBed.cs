using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Testing.Emulators;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Destinations;
using ConnectorHub.Sdk.Testing.Time;

namespace ConnectorHub.Connectors.Webhook.Tests.Receiving;

/// <summary>A receiver on 127.0.0.1, an instant clock shared by it and the connector, and helpers to write batches.</summary>
public sealed class WebhookTestBed : IAsyncLifetime
{
    /// <summary>The signing secret both sides use.</summary>
    public const string Secret = "whsec_0123456789abcdef0123456789abcdef";

    private EmulatorHost? _host;

    /// <summary>The clock of the connector and the receiver.</summary>
    public InstantTimeProvider Clock { get; } = new InstantTimeProvider(new DateTimeOffset(2026, 1, 15, 9, 30, 0, TimeSpan.Zero));

    /// <summary>The receiver.</summary>
    public WebhookReceiver Receiver { get; private set; } = null!;

    /// <summary>The receiver's URL.</summary>
    public Uri Url => new(_host!.BaseAddress, WebhookReceiver.Path.TrimStart('/'));

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Receiver = new WebhookReceiver(Secret, Clock.GetUtcNow);
        _host = await EmulatorHost.StartAsync(Receiver);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>A configuration pointing at the receiver, with <paramref name="extra"/> settings.</summary>
    public JsonObject Config(JsonObject? extra = null)
    {
        var config = new JsonObject { ["url"] = Url.ToString(), ["signing_secret"] = Secret };
        foreach (var (name, value) in extra ?? [])
        {
            config[name] = value?.DeepClone();
        }

        return config;
    }

    /// <summary>A context over <paramref name="config"/> with the shared clock.</summary>
    public ConnectorContext Context(JsonObject? config = null) => new() { Config = new ConnectorConfig(config ?? Config()), Time = Clock };

    /// <summary>Opens a writer of <paramref name="stream"/>, writes <paramref name="records"/> and completes.</summary>
    public async Task<WriteBatchResult> WriteAsync(IReadOnlyList<DestinationRecord> records, JsonObject? config = null, string stream = "profiles")
    {
        await using var writer = await new WebhookDestination().OpenAsync(Context(config), new WriteRequest { Stream = stream }, CancellationToken.None);
        var result = await writer.WriteAsync(records, CancellationToken.None);
        await writer.CompleteAsync(CancellationToken.None);
        return result;
    }

    /// <summary>Records keyed <paramref name="keys"/>, upserts with an email each.</summary>
    public static DestinationRecord[] Records(params string[] keys) =>
        keys.Select(key => new DestinationRecord(key, RecordOperation.Upsert, new JsonObject { ["email"] = $"{key}@example.com" })).ToArray();
}
