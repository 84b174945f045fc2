namespace ConnectorHub.Core.Leases;

/// <summary>
/// Work's hold on something only one node may work on at a time (a sync run on its sync, an activation run on its
/// activation), kept as a database row another node may take over once its heartbeat goes stale. Every write of the
/// work checks the lease first, so a node that stalls past the timeout and wakes up after a takeover stops at its next
/// write instead of writing beside the node that took over.
/// </summary>
/// <param name="renew">Renews the lease in the database; false when it was taken over.</param>
/// <param name="lost">The exception that says the lease was lost (what, and what happens now).</param>
/// <param name="staleAfter">How long a silent holder keeps the lease before another node may take it.</param>
/// <param name="time">The clock.</param>
internal sealed class Lease(Func<CancellationToken, Task<bool>> renew, Func<Exception> lost, TimeSpan staleAfter, TimeProvider time)
{
    private volatile bool _lost;

    /// <summary>Whether the lease was found lost (by a write or by the heartbeat).</summary>
    public bool IsLost => _lost;

    /// <summary>Records that the lease is gone.</summary>
    public void Lose() => _lost = true;

    /// <summary>Renews the lease (the heartbeat's beat); false when it is gone.</summary>
    public Task<bool> RenewAsync(CancellationToken cancellationToken) => renew(cancellationToken);

    /// <summary>Renews the lease before a write; throws the lost exception when it is gone.</summary>
    public async Task EnsureHeldAsync(CancellationToken cancellationToken)
    {
        while (!_lost)
        {
            var asked = time.GetTimestamp();
            if (!await renew(cancellationToken))
            {
                break;
            }

            // A renewal answered quickly proves the lease is held now. One that took long (this node froze while it
            // was on its way) proves nothing about now: another node may have taken over since. Ask again.
            if (time.GetElapsedTime(asked) < staleAfter / 2)
            {
                return;
            }
        }

        _lost = true;
        throw lost();
    }
}
