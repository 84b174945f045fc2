using ConnectorHub.Core.Activation;
using ConnectorHub.Core.Connections;
using ConnectorHub.Core.Plugins;
using ConnectorHub.Core.Segments;
using ConnectorHub.Core.Segments.Refresh;
using ConnectorHub.Core.Validation;
using ConnectorHub.Host.Dashboard.Display;
using Microsoft.AspNetCore.Mvc;

namespace ConnectorHub.Host.Dashboard.Segments;

/// <summary>One segment: its rule, size, membership history, activations with their last delivery, and its actions.</summary>
public sealed class DetailsModel(
    SegmentService segments,
    SegmentQueries queries,
    SegmentRefresher refresher,
    ActivationService activations,
    IActivationLauncher queue,
    DeliveryQueries ledger,
    ConnectionService connections) : DashboardPage
{
    /// <summary>Rows of members and of history shown per page.</summary>
    public const int PageSize = 50;

    public SegmentView Segment { get; private set; } = null!;

    public IReadOnlyList<SegmentMember> Members { get; private set; } = [];

    public IReadOnlyList<SegmentChange> History { get; private set; } = [];

    public int HistoryOffset { get; private set; }

    public IReadOnlyList<ActivationRow> Activations { get; private set; } = [];

    public IReadOnlyList<ConnectionView> Destinations { get; private set; } = [];

    [BindProperty]
    public ActivationInput Activate { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(long id, int history, CancellationToken cancellationToken) =>
        await LoadAsync(id, history, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRefreshAsync(long id, CancellationToken cancellationToken)
    {
        if (Refuse(CanOperate) is { } refused)
        {
            return refused;
        }

        var refreshed = await refresher.RefreshAsync(id, cancellationToken);
        Flash($"Refreshed: {Show.Count(refreshed.Entered)} entered, {Show.Count(refreshed.Exited)} left, {Show.Count(refreshed.MemberCount)} members.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostActivateAsync(long id, CancellationToken cancellationToken)
    {
        if (Refuse(CanOperate) is { } refused)
        {
            return refused;
        }

        try
        {
            var created = await activations.CreateAsync(Activate.ToRequest(id), cancellationToken);
            queue.Enqueue(created.Id, ActivationTrigger.Manual);
            Flash($"The activation '{created.Name}' was created and its first delivery has started.");
            return Redirect($"/activations/{created.Id}");
        }
        catch (HubValidationException error)
        {
            AddErrors(error, field => "Activate." + char.ToUpperInvariant(field[0]) + field[1..]);
        }

        return await LoadAsync(id, 0, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken cancellationToken)
    {
        if (Refuse(CanOperate) is { } refused)
        {
            return refused;
        }

        try
        {
            await segments.DeleteAsync(id, cancellationToken);
        }
        catch (HubValidationException error)
        {
            Flash(Messages(error), error: true);
            return RedirectToPage(new { id });
        }

        Flash("The segment was deleted.");
        return Redirect("/segments");
    }

    private async Task<bool> LoadAsync(long id, int historyOffset, CancellationToken cancellationToken)
    {
        try
        {
            Segment = await segments.GetAsync(id, cancellationToken);
        }
        catch (NotFoundException)
        {
            return false;
        }

        HistoryOffset = Math.Max(0, historyOffset);
        Members = await queries.MembersAsync(id, PageSize, 0, cancellationToken);
        History = await queries.HistoryAsync(id, PageSize, HistoryOffset, cancellationToken);
        var all = await connections.ListAsync(cancellationToken);
        Destinations = all.Where(c => c.Kind == PluginKind.Destination).ToArray();
        var ofSegment = (await activations.ListAsync(cancellationToken)).Where(a => a.SegmentId == id);
        Activations = await ActivationRow.ForAsync(ofSegment, all.ToDictionary(c => c.Id, c => c.Name), ledger, cancellationToken);
        return true;
    }
}
