using ConnectorHub.Sdk.Connectors;

namespace ConnectorHub.Connectors.Square.Tests.Support;

/// <summary>Keeps every configuration the connector asked to persist (rotated OAuth tokens).</summary>
public sealed class ConfigRecorder : IConfigUpdater
{
    private readonly List<ConnectorConfig> _saved = [];

    public IReadOnlyList<ConnectorConfig> Saved
    {
        get
        {
            lock (_saved)
            {
                return _saved.ToArray();
            }
        }
    }

    public Task PersistAsync(ConnectorConfig updated, CancellationToken cancellationToken)
    {
        lock (_saved)
        {
            _saved.Add(updated);
        }

        return Task.CompletedTask;
    }
}
