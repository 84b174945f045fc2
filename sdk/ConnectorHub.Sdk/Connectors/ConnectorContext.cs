using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConnectorHub.Sdk.Connectors;

/// <summary>What the host gives a connector for one call: its configuration and the services it may use.</summary>
public sealed class ConnectorContext
{
    /// <summary>The connection's configuration.</summary>
    public required ConnectorConfig Config { get; init; }

    /// <summary>A logger. Never log secrets: the host redacts known secret values, but only those.</summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;

    /// <summary>The clock. Use it for every timestamp and delay so tests control time.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Persists configuration changes such as rotated refresh tokens.</summary>
    public IConfigUpdater ConfigUpdater { get; init; } = DiscardConfigUpdates.Instance;

    /// <summary>An updater that ignores updates, for calls whose configuration is not stored (checking a draft).</summary>
    public static IConfigUpdater DiscardingConfigUpdater => DiscardConfigUpdates.Instance;

    /// <summary>
    /// Creates the HTTP handler for the connector's outgoing requests. The host's handler enforces the plugin
    /// manifest's allowed hosts; use <see cref="Http.ConnectorHttpClient"/> rather than calling this directly.
    /// </summary>
    public Func<HttpMessageHandler> CreateHttpHandler { get; init; } = static () => new SocketsHttpHandler();

    /// <summary>A copy of this context with another configuration (used after a config update).</summary>
    public ConnectorContext WithConfig(ConnectorConfig config) => new()
    {
        Config = config,
        Logger = Logger,
        Time = Time,
        ConfigUpdater = ConfigUpdater,
        CreateHttpHandler = CreateHttpHandler,
    };

    private sealed class DiscardConfigUpdates : IConfigUpdater
    {
        public static readonly DiscardConfigUpdates Instance = new();

        public Task PersistAsync(ConnectorConfig updated, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
