using ConnectorHub.Core.Storage;
using Microsoft.Extensions.Options;

namespace ConnectorHub.Core.Activation;

/// <summary>Queues the activations whose failed records are due for another attempt (a run sends them with its diff).</summary>
public sealed class ActivationRetrySweep(HubDatabase database, IActivationLauncher launcher, IOptions<ActivationOptions> options, TimeProvider time)
{
    private readonly ActivationStore _store = new(database);

    /// <summary>Queues each activation with records due now; returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var due = await _store.DueForRetryAsync(time.GetUtcNow(), options.Value.MaxAttempts, cancellationToken);
        foreach (var id in due)
        {
            launcher.Enqueue(id, ActivationTrigger.Retry);
        }

        return due.Count;
    }
}
