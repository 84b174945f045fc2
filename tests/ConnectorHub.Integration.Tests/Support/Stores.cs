using ConnectorHub.Core.Storage;

namespace ConnectorHub.Integration.Tests.Support;

/// <summary>Theory data: every storage provider, so one test runs on SQLite and on PostgreSQL.</summary>
public sealed class Stores : TheoryData<StorageProvider>
{
    /// <summary>Both providers.</summary>
    public Stores()
    {
        Add(StorageProvider.Sqlite);
        Add(StorageProvider.Postgres);
    }
}
