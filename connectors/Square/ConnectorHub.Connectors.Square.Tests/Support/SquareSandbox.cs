using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Testing.Emulators;
using ConnectorHub.Sandbox.Square;
using ConnectorHub.Sandbox.Square.Seed;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Sources;
using ConnectorHub.Sdk.Testing.Configs;
using ConnectorHub.Sdk.Testing.Time;
using Microsoft.Extensions.Time.Testing;

namespace ConnectorHub.Connectors.Square.Tests.Support;

/// <summary>
/// A running Square emulator on 127.0.0.1 and the connector pointed at it, with instant retry waits. The emulator's
/// clock stands still at the seed's anchor until a test moves it, so changed records get known timestamps.
/// </summary>
public sealed class SquareSandbox : IAsyncDisposable
{
    public static readonly SquareSeedOptions SmallSeed = new() { Customers = 60, Orders = 150, Locations = 12 };

    private SquareSandbox(EmulatorHost host, SquareEmulator emulator, FakeTimeProvider clock)
    {
        Host = host;
        Emulator = emulator;
        Clock = clock;
    }

    public EmulatorHost Host { get; }

    public SquareEmulator Emulator { get; }

    /// <summary>The emulator's clock (what changed records are stamped with).</summary>
    public FakeTimeProvider Clock { get; }

    /// <summary>The connector's clock: its retry waits complete at once and are recorded.</summary>
    public InstantTimeProvider Time { get; } = new InstantTimeProvider(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));

    public RecordingConfigUpdater ConfigUpdates { get; } = new();

    public SquareSource Source { get; } = new();

    public static async Task<SquareSandbox> StartAsync(SquareSeedOptions? seed = null)
    {
        var options = seed ?? SmallSeed;
        var clock = new FakeTimeProvider(options.Anchor);
        var emulator = new SquareEmulator(options, clock);
        return new SquareSandbox(await EmulatorHost.StartAsync(emulator), emulator, clock);
    }

    public JsonObject Config(int? pageSize = null, string token = SquareEmulator.DefaultAccessToken)
    {
        var config = new JsonObject
        {
            ["access_token"] = token,
            ["base_url"] = Host.BaseAddress.ToString(),
            ["square_version"] = "2026-09-16",
        };
        if (pageSize is { } size)
        {
            config["page_size"] = size;
        }

        return config;
    }

    public ConnectorContext Context(JsonObject? config = null) => new()
    {
        Config = new ConnectorConfig(config ?? Config()),
        Time = Time,
        ConfigUpdater = ConfigUpdates,
    };

    public static ReadRequest Request(SyncMode mode, IReadOnlyDictionary<string, JsonNode>? states = null, params string[] streams) => new()
    {
        Streams = (streams.Length == 0 ? ["customers", "orders", "payments"] : streams).Select(s => new ConfiguredStream { Name = s, SyncMode = mode }).ToArray(),
        States = states ?? new Dictionary<string, JsonNode>(),
    };

    public async Task<ReadResult> ReadAsync(SyncMode mode, IReadOnlyDictionary<string, JsonNode>? states = null, JsonObject? config = null, params string[] streams)
    {
        var messages = new List<SourceMessage>();
        await foreach (var message in Source.ReadAsync(Context(config), Request(mode, states, streams), CancellationToken.None))
        {
            messages.Add(message);
        }

        return new ReadResult(messages);
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
