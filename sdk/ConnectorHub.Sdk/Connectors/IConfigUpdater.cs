namespace ConnectorHub.Sdk.Connectors;

/// <summary>
/// Lets a connector replace its stored configuration during a call, for example to persist an OAuth refresh
/// token the moment the provider rotates it. The host stores the new configuration atomically before returning.
/// </summary>
public interface IConfigUpdater
{
    /// <summary>Persists <paramref name="updated"/> as the connection's configuration.</summary>
    Task PersistAsync(ConnectorConfig updated, CancellationToken cancellationToken);
}
