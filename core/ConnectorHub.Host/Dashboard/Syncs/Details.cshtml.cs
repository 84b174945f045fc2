using ConnectorHub.Core.Connections;
using ConnectorHub.Core.Runner;
using ConnectorHub.Core.Runs;
using ConnectorHub.Core.Syncs;
using ConnectorHub.Core.Validation;
using ConnectorHub.Host.Dashboard.Runs;
using ConnectorHub.Host.Dashboard.Schedules;
using Microsoft.AspNetCore.Mvc;

namespace ConnectorHub.Host.Dashboard.Syncs;

/// <summary>One sync: its streams, its schedule explained with the next runs, its recent runs, and its actions.</summary>
public sealed class DetailsModel(
    SyncService syncs,
    ConnectionService connections,
    RunService runs,
    SyncRunner runner,
    IRunLauncher launcher,
    SchedulePreviewer previewer) : DashboardPage
{
    public SyncView Sync { get; private set; } = null!;

    public string SourceName { get; private set; } = string.Empty;

    public string DestinationName { get; private set; } = string.Empty;

    public SchedulePreview Schedule { get; private set; } = null!;

    public IReadOnlyList<RunRow> Runs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            Sync = await syncs.GetAsync(id, cancellationToken);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        var names = (await connections.ListAsync(cancellationToken)).ToDictionary(c => c.Id, c => c.Name);
        SourceName = names.GetValueOrDefault(Sync.SourceConnectionId, "(deleted)");
        DestinationName = Sync.DestinationConnectionId is { } destination ? names.GetValueOrDefault(destination, "(deleted)") : "the hub's profiles";
        Schedule = previewer.Preview(Sync.ScheduleCron, Sync.ScheduleTimeZone);
        Runs = RunRow.Of(await runs.ListAsync(new RunQuery { SyncId = id, Limit = 10 }, cancellationToken), [Sync]);
        return Page();
    }

    public async Task<IActionResult> OnPostRunAsync(Guid id, CancellationToken cancellationToken)
    {
        if (Refuse(CanOperate) is { } refused)
        {
            return refused;
        }

        return Redirect($"/runs/{await RunNow.StartAsync(runner, launcher, id, cancellationToken)}");
    }

    public async Task<IActionResult> OnPostEnableAsync(Guid id, bool enabled, CancellationToken cancellationToken)
    {
        if (Refuse(CanAdminister) is { } refused)
        {
            return refused;
        }

        await syncs.SetEnabledAsync(id, enabled, cancellationToken);
        Flash(enabled ? "The schedule is on." : "The schedule is off: the sync runs only when someone runs it now.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        if (Refuse(CanAdminister) is { } refused)
        {
            return refused;
        }

        await syncs.DeleteAsync(id, cancellationToken);
        Flash("The sync was deleted.");
        return Redirect("/syncs");
    }
}
