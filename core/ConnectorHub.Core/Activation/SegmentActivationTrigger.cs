using ConnectorHub.Core.Segments;
using ConnectorHub.Core.Storage;

namespace ConnectorHub.Core.Activation;

/// <summary>After a segment refresh commits, queues the segment's enabled activations (never waits for them to run).</summary>
internal sealed class SegmentActivationTrigger(HubDatabase database, IActivationLauncher queue) : ISegmentRefreshListener
{
    private readonly ActivationStore _store = new(database);

    public async Task OnRefreshedAsync(SegmentRefreshed refreshed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(refreshed);
        foreach (var activation in await _store.ListBySegmentAsync(refreshed.SegmentId, cancellationToken))
        {
            // Without entries or exits only changed profile data can matter, and only modes that re-send changes.
            if (activation.Enabled && (refreshed.Entered + refreshed.Exited > 0 || ActivationModes.ResendsChanges(activation.Mode)))
            {
                queue.Enqueue(activation.Id, ActivationTrigger.SegmentRefresh);
            }
        }
    }
}
