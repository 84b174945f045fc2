using System.Collections.Concurrent;
using System.Threading.Channels;

namespace ConnectorHub.Core.Activation;

/// <summary>
/// Activations waiting to run on this node (the launcher of a hub without the scheduler: tests, the command line). Enqueueing never blocks (a segment refresh hands its activations over
/// and goes on); an activation already waiting is not queued twice; one asked for while it runs runs again after.
/// </summary>
public sealed class ActivationQueue : IActivationLauncher
{
    private readonly Channel<long> _channel = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = false });
    private readonly ConcurrentDictionary<long, ActivationTrigger> _waiting = new();

    /// <summary>Asks for a run of <paramref name="activationId"/>; returns false when one is already waiting.</summary>
    public bool Enqueue(long activationId, ActivationTrigger trigger)
    {
        if (!_waiting.TryAdd(activationId, trigger))
        {
            return false;
        }

        _channel.Writer.TryWrite(activationId);
        return true;
    }

    /// <summary>How many activations wait.</summary>
    public int Count => _waiting.Count;

    /// <summary>Takes the next waiting activation (for the worker).</summary>
    internal async ValueTask<(long ActivationId, ActivationTrigger Trigger)> DequeueAsync(CancellationToken cancellationToken)
    {
        var id = await _channel.Reader.ReadAsync(cancellationToken);
        return _waiting.TryRemove(id, out var trigger) ? (id, trigger) : (id, ActivationTrigger.Manual);
    }
}
