using ConnectorHub.Core.Syncs;

namespace ConnectorHub.Core.Runner;

/// <summary>Creates the sink that writes a sync's mapped records into the hub's own store (profiles, events, orders).</summary>
public interface IHubSinkFactory
{
    /// <summary>A sink for one run of <paramref name="sync"/>.</summary>
    IRecordSink Create(Sync sync, Guid runId);
}
