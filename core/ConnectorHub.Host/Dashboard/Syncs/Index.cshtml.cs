using ConnectorHub.Core.Connections;
using ConnectorHub.Core.Runner;
using ConnectorHub.Core.Runs;
using ConnectorHub.Core.Syncs;
using ConnectorHub.Core.Validation;
using ConnectorHub.Host.Dashboard.Schedules;
using Microsoft.AspNetCore.Mvc;

namespace ConnectorHub.Host.Dashboard.Syncs;

/// <summary>The list of syncs with their schedules and last runs; marketing and admins run them from here.</summary>
public sealed class IndexModel(SyncService syncs, ConnectionService connections, RunService runs, SyncRunner runner, IRunLauncher launcher) : DashboardPage
{
    private Dictionary<Guid, string> _connections = [];

    public IReadOnlyList<SyncView> Syncs { get; private set; } = [];

    public Dictionary<Guid, RunView> LastRuns { get; private set; } = [];

    public bool HasConnections => _connections.Count > 0;

    public string ConnectionName(Guid? id) => id is null ? "hub profiles" : _connections.GetValueOrDefault(id.Value, "(deleted)");

    public string Describe(SyncView sync) => CronExplainer.Describe(sync.ScheduleCron!) + (sync.ScheduleTimeZone is { } zone ? $" ({zone})" : " (UTC)");

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Syncs = await syncs.ListAsync(cancellationToken);
        _connections = (await connections.ListAsync(cancellationToken)).ToDictionary(c => c.Id, c => c.Name);
        foreach (var run in await runs.ListAsync(new RunQuery { Limit = 200 }, cancellationToken))
        {
            LastRuns.TryAdd(run.SyncId, run);
        }
    }

    public async Task<IActionResult> OnPostRunAsync(Guid id, CancellationToken cancellationToken)
    {
        if (Refuse(CanOperate) is { } refused)
        {
            return refused;
        }

        try
        {
            var runId = await RunNow.StartAsync(runner, launcher, id, cancellationToken);
            return Redirect($"/runs/{runId}");
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }
}

/// <summary>"Run now" from any page: queue a manual run and hand it to the launcher (the scheduler runs it).</summary>
internal static class RunNow
{
    public static async Task<Guid> StartAsync(SyncRunner runner, IRunLauncher launcher, Guid syncId, CancellationToken cancellationToken)
    {
        var runId = await runner.QueueAsync(syncId, RunTrigger.Manual, cancellationToken: cancellationToken);
        await launcher.LaunchAsync(syncId, runId, cancellationToken);
        return runId;
    }
}
