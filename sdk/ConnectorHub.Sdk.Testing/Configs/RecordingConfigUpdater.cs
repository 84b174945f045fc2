using ConnectorHub.Sdk.Connectors;

namespace ConnectorHub.Sdk.Testing.Configs;

/// <summary>
/// An <see cref="IConfigUpdater"/> that keeps every configuration a connector persisted, in order: how a test
/// proves a rotated refresh token was saved the moment it was issued.
/// </summary>
public sealed class RecordingConfigUpdater : IConfigUpdater
{
    private readonly object _gate = new();
    private readonly List<ConnectorConfig> _persisted = [];

    /// <summary>Every persisted configuration, oldest first.</summary>
    public IReadOnlyList<ConnectorConfig> Persisted
    {
        get
        {
            lock (_gate)
            {
                return _persisted.ToArray();
            }
        }
    }

    /// <summary>How many times a configuration was persisted.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _persisted.Count;
            }
        }
    }

    /// <summary>The configuration persisted last, or null.</summary>
    public ConnectorConfig? Last
    {
        get
        {
            lock (_gate)
            {
                return _persisted.Count == 0 ? null : _persisted[^1];
            }
        }
    }

    /// <inheritdoc />
    public Task PersistAsync(ConnectorConfig updated, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updated);
        lock (_gate)
        {
            _persisted.Add(updated);
        }

        return Task.CompletedTask;
    }
}
