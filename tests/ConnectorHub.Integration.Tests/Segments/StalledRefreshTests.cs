using ConnectorHub.Core.Storage;
using Dapper;
using Npgsql;

namespace ConnectorHub.Integration.Tests.Segments;

/// <summary>
/// PostgreSQL: a refresh whose node froze mid-transaction, holding the segment's lock, is ended by the server once
/// idle past the timeout; the next refresh goes ahead, and the frozen one can commit nothing when it wakes. (SQLite
/// is single-node: a frozen process there holds the database's write lock, and nothing else writes meanwhile.)
/// </summary>
public sealed class StalledRefreshTests
{
    private const int SegmentLockClass = 0x53474D54; // SegmentRefresher's lock namespace

    [Fact]
    public async Task RefreshFrozenMidTransaction_IsEndedByTheServer_SoTheNextRefreshRuns_AndTheFrozenOneCommitsNothing()
    {
        await using var world = await SegmentWorld.CreateAsync(StorageProvider.Postgres);
        await world.Seed.ProfileAsync(1);
        await world.Seed.TraitAsync(1, "plan", "gold");
        var segment = await world.CreateSegmentAsync("gold", """{"trait":"plan","op":"equals","value":"gold"}""");

        // A refresh on a node that then froze: it holds the lock and has written, and never gets to commit.
        await using var frozen = (NpgsqlConnection)await world.Database.OpenConnectionAsync(CancellationToken.None);
        await using var frozenTransaction = await frozen.BeginTransactionAsync();
        await TransactionLock.TakeAsync(frozen, frozenTransaction, SegmentLockClass, unchecked((int)segment.Id), SegmentWorld.Options.Value.StalledRefreshTimeout, CancellationToken.None);
        await frozen.ExecuteAsync("UPDATE segments SET member_count = 999 WHERE id = @id", new { id = segment.Id }, frozenTransaction);

        var refreshed = await world.Refresher.RefreshAsync(segment.Id, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        var woken = await Record.ExceptionAsync(() => frozenTransaction.CommitAsync());

        Assert.Equal(1, refreshed.MemberCount);
        Assert.NotNull(woken);
        await using var connection = await world.Database.OpenConnectionAsync(CancellationToken.None);
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT member_count FROM segments WHERE id = @id", new { id = segment.Id }));
    }
}
