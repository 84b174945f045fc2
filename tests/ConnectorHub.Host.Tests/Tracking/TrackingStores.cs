using ConnectorHub.Core.Storage;

namespace ConnectorHub.Host.Tests.Tracking;

/// <summary>Theory data: both storage providers, for tests where storage is involved.</summary>
public sealed class TrackingStores : TheoryData<StorageProvider>
{
    public TrackingStores()
    {
        Add(StorageProvider.Sqlite);
        Add(StorageProvider.Postgres);
    }
}
