using System.Collections.Concurrent;
using System.Data.Common;
using ConnectorHub.Core.Storage;
using Dapper;

namespace ConnectorHub.Core.Activation;

/// <summary>
/// One run at a time per activation: a semaphore per activation on this node and, on PostgreSQL, a session
/// advisory lock held for the whole run so no other node runs it either. SQLite is single-node.
/// </summary>
internal sealed class ActivationLocks(HubDatabase database)
{
    private const int LockClass = 0x41637476; // "Actv": keeps these keys apart from other advisory locks

    private readonly ConcurrentDictionary<long, SemaphoreSlim> _local = new();

    /// <summary>The lock of <paramref name="activationId"/>, or null when a run holds it (here or on another node).</summary>
    public async Task<IAsyncDisposable?> TryAcquireAsync(long activationId, CancellationToken cancellationToken)
    {
        var gate = _local.GetOrAdd(activationId, _ => new SemaphoreSlim(1, 1));
        if (!await gate.WaitAsync(0, cancellationToken))
        {
            return null;
        }

        if (database.Provider != StorageProvider.Postgres)
        {
            return new Held(gate, null, activationId);
        }

        DbConnection? connection = null;
        try
        {
            connection = await database.OpenConnectionAsync(cancellationToken);
            if (await connection.ExecuteScalarAsync<bool>(ActivationStore.Command("SELECT pg_try_advisory_lock(@LockClass, @key)", new { LockClass, key = Key(activationId) }, cancellationToken)))
            {
                return new Held(gate, connection, activationId);
            }

            await connection.DisposeAsync();
            gate.Release();
            return null;
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            gate.Release();
            throw;
        }
    }

    private static int Key(long activationId) => unchecked((int)activationId);

    private sealed class Held(SemaphoreSlim gate, DbConnection? connection, long activationId) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                if (connection is not null)
                {
                    // Pooled connections keep session locks: unlock explicitly before the connection goes back.
                    await connection.ExecuteAsync("SELECT pg_advisory_unlock(@LockClass, @key)", new { LockClass, key = Key(activationId) });
                    await connection.DisposeAsync();
                }
            }
            finally
            {
                gate.Release();
            }
        }
    }
}
