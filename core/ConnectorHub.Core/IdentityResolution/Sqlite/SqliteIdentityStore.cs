using ConnectorHub.Core.Storage;
using ConnectorHub.Sdk.Canonical;
using Microsoft.Data.Sqlite;

namespace ConnectorHub.Core.IdentityResolution.Sqlite;

/// <summary>The identity graph on SQLite: one writer at a time (BEGIN IMMEDIATE), so no locks of its own.</summary>
internal sealed class SqliteIdentityStore(HubDatabase database) : IIdentityStore
{
    public bool HasConcurrentWriters => false;

    public async Task<IIdentityTransaction> BeginAsync(IReadOnlyCollection<Identifier> identifiers, IReadOnlySet<int> extraBuckets, bool exclusive, CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)await database.OpenConnectionAsync(cancellationToken);
        try
        {
            // Microsoft.Data.Sqlite begins IMMEDIATE: the write lock is taken before anything is read.
            var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            return new SqliteIdentityTransaction(connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
