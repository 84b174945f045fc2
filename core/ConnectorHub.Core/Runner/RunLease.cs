namespace ConnectorHub.Core.Runner;

/// <summary>
/// A running run's hold on its sync. The lease is the run's row being <c>Running</c>: another node ends it only by
/// marking the run interrupted after its heartbeat went stale. Every write of the run checks the lease first (and
/// checkpoint commits check it in their own transaction), so a node that stalls past the timeout and wakes up after a
/// takeover stops at its next write instead of writing beside the recovery run.
/// </summary>
internal sealed class RunLease(RunProgressStore store, Guid runId, TimeSpan staleAfter, TimeProvider time)
{
    private volatile bool _lost;

    /// <summary>The run this lease belongs to.</summary>
    public Guid RunId { get; } = runId;

    /// <summary>Whether the lease was found lost (by a write or by the heartbeat).</summary>
    public bool IsLost => _lost;

    /// <summary>Renews the lease before a write leaves the hub; throws <see cref="RunLeaseLostException"/> when it is gone.</summary>
    public async Task EnsureHeldAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            ThrowIfLost();
            var asked = time.GetTimestamp();
            if (!await store.RenewLeaseAsync(RunId, cancellationToken))
            {
                Lose();
                ThrowIfLost();
            }

            // A renewal answered quickly proves the lease is held now. One that took long (this node froze while it
            // was on its way) proves nothing about now: another node may have taken over since. Ask again.
            if (time.GetElapsedTime(asked) < staleAfter / 2)
            {
                return;
            }
        }
    }

    /// <summary>Throws <see cref="RunLeaseLostException"/> if the lease was found lost.</summary>
    public void ThrowIfLost()
    {
        if (_lost)
        {
            throw new RunLeaseLostException(RunId);
        }
    }

    /// <summary>Records that the lease is gone.</summary>
    public void Lose() => _lost = true;
}
