using ConnectorHub.Core.Activation;
using ConnectorHub.Core.Connections;
using ConnectorHub.Core.Segments;
using ConnectorHub.Core.Validation;
using Microsoft.AspNetCore.Mvc;

namespace ConnectorHub.Host.Dashboard.Activations;

/// <summary>One activation: its deliveries with counts and match rate, and the records the platform has not accepted.</summary>
public sealed class DetailsModel(
    ActivationService activations,
    IActivationLauncher queue,
    DeliveryQueries ledger,
    SegmentService segments,
    ConnectionService connections,
    TimeProvider time) : DashboardPage
{
    public ActivationView Activation { get; private set; } = null!;

    public string SegmentName { get; private set; } = string.Empty;

    public string DestinationName { get; private set; } = string.Empty;

    public IReadOnlyList<DeliveryView> Runs { get; private set; } = [];

    public IReadOnlyList<RejectionView> Rejections { get; private set; } = [];

    /// <summary>
    /// Whether a delivery is under way, or the first one is about to start (a new activation is queued at once):
    /// the page then refreshes itself.
    /// </summary>
    public bool Running => Runs.Count > 0
        ? Runs[0].Status == DeliveryStatus.Running
        : time.GetUtcNow() - Activation.CreatedAt < TimeSpan.FromMinutes(2);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        try
        {
            Activation = await activations.GetAsync(id, cancellationToken);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        SegmentName = await SegmentNameAsync(Activation.SegmentId, cancellationToken);
        DestinationName = (await connections.ListAsync(cancellationToken)).FirstOrDefault(c => c.Id == Activation.DestinationConnectionId)?.Name ?? "(deleted)";
        Runs = await ledger.RunsAsync(id, 20, cancellationToken);
        Rejections = await ledger.RejectionsAsync(id, 100, 0, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRunAsync(long id, CancellationToken cancellationToken)
    {
        if (Refuse(CanOperate) is { } refused)
        {
            return refused;
        }

        await activations.GetAsync(id, cancellationToken);
        Flash(queue.Enqueue(id, ActivationTrigger.Manual) ? "A delivery has started." : "A delivery is already waiting to start.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken cancellationToken)
    {
        if (Refuse(CanOperate) is { } refused)
        {
            return refused;
        }

        var activation = await activations.GetAsync(id, cancellationToken);
        await activations.DeleteAsync(id, cancellationToken);
        Flash("The activation was deleted; the platform keeps the audience it holds.");
        return Redirect($"/segments/{activation.SegmentId}");
    }

    private async Task<string> SegmentNameAsync(long segmentId, CancellationToken cancellationToken)
    {
        try
        {
            return (await segments.GetAsync(segmentId, cancellationToken)).Name;
        }
        catch (NotFoundException)
        {
            return "(deleted)";
        }
    }
}
