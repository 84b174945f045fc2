using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Testing.Emulators;
using ConnectorHub.Sandbox.HubSpot;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Sources;
using ConnectorHub.Sdk.Testing.Configs;
using ConnectorHub.Sdk.Testing.Reading;
using ConnectorHub.Sdk.Testing.Time;

namespace ConnectorHub.Connectors.HubSpot.Tests;

/// <summary>One test's own HubSpot emulator on a free port, the connector, a fake clock and a config recorder.</summary>
public sealed class HubSpotEmulatorScope : IAsyncDisposable
{
    private HubSpotEmulatorScope(HubSpotEmulator hub, EmulatorHost host)
    {
        Hub = hub;
        Host = host;
    }

    public HubSpotEmulator Hub { get; }

    public EmulatorHost Host { get; }

    public HubSpotSource Connector { get; } = new();

    public InstantTimeProvider Time { get; } = new InstantTimeProvider();

    public RecordingConfigUpdater Updater { get; } = new();

    public static async Task<HubSpotEmulatorScope> StartAsync(HubSpotEmulatorOptions options)
    {
        var hub = new HubSpotEmulator(options);
        return new HubSpotEmulatorScope(hub, await EmulatorHost.StartAsync(hub));
    }

    public JsonObject PrivateAppConfig(int pageSize = 10) => HubSpotConfigs.PrivateApp(Host.BaseAddress, Hub.Options.PrivateAppToken, pageSize);

    public ConnectorContext Context(JsonObject config) => new()
    {
        Config = new ConnectorConfig(config),
        Time = Time,
        ConfigUpdater = Updater,
    };

    public Task<SourceReadResult> ReadAsync(JsonObject config, string stream, SyncMode mode, JsonNode? state = null) =>
        SourceReader.ReadAsync(Connector, Context(config), SourceReader.Request(mode, stream, state));

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
