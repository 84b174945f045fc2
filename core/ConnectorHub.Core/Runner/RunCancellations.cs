using System.Collections.Concurrent;

namespace ConnectorHub.Core.Runner;

/// <summary>The runs executing on this node, so a cancel request stops them at once rather than at the next heartbeat.</summary>
public sealed class RunCancellations
{
    private readonly ConcurrentDictionary<Guid, CancellationTokenSource> _running = new();
    private readonly ConcurrentDictionary<Guid, bool> _requested = new();

    /// <summary>Whether <paramref name="runId"/> executes on this node.</summary>
    public bool IsRunningHere(Guid runId) => _running.ContainsKey(runId);

    /// <summary>Cancels <paramref name="runId"/> if it executes on this node.</summary>
    public bool Cancel(Guid runId)
    {
        if (_running.TryGetValue(runId, out var source))
        {
            _requested[runId] = true;
            source.Cancel();
            return true;
        }

        return false;
    }

    /// <summary>Whether someone asked <paramref name="runId"/> to stop (as opposed to the node shutting down).</summary>
    public bool WasRequested(Guid runId) => _requested.ContainsKey(runId);

    internal void Register(Guid runId, CancellationTokenSource source) => _running[runId] = source;

    internal void Unregister(Guid runId)
    {
        _running.TryRemove(runId, out _);
        _requested.TryRemove(runId, out _);
    }
}
