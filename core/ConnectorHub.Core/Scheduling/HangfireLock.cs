using Hangfire;
using Hangfire.Storage;

namespace ConnectorHub.Core.Scheduling;

/// <summary>A Hangfire distributed lock together with the storage connection that holds it, released together.</summary>
internal sealed class HangfireLock : IDisposable
{
    private readonly IStorageConnection _connection;
    private readonly IDisposable _lock;

    private HangfireLock(IStorageConnection connection, IDisposable held)
    {
        _connection = connection;
        _lock = held;
    }

    /// <summary>Waits up to <paramref name="timeout"/> for <paramref name="resource"/> across every node sharing <paramref name="storage"/>.</summary>
    public static HangfireLock Acquire(JobStorage storage, string resource, TimeSpan timeout)
    {
        var connection = storage.GetConnection();
        try
        {
            return new HangfireLock(connection, connection.AcquireDistributedLock(resource, timeout));
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _lock.Dispose();
        _connection.Dispose();
    }
}
