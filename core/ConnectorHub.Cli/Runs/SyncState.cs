using ConnectorHub.Core.Runs;
using ConnectorHub.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace ConnectorHub.Cli.Runs;

/// <summary>What the CLI does to a sync's stored state before a run.</summary>
internal sealed class SyncState(IDbContextFactory<HubDbContext> dbFactory)
{
    /// <summary>Forgets every checkpoint of the sync (for <c>--full-refresh</c>); returns how many there were.</summary>
    public async Task<int> ForgetCheckpointsAsync(Guid syncId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<Checkpoint>().Where(c => c.SyncId == syncId).ExecuteDeleteAsync(cancellationToken);
    }
}
