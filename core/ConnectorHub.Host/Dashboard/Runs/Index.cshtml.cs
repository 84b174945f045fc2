using ConnectorHub.Core.Runs;
using ConnectorHub.Core.Syncs;
using Microsoft.AspNetCore.Mvc;

namespace ConnectorHub.Host.Dashboard.Runs;

/// <summary>Run history, filtered by sync and status, a page at a time.</summary>
public sealed class IndexModel(RunService runs, SyncService syncs) : DashboardPage
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public Guid? SyncId { get; set; }

    [BindProperty(SupportsGet = true)]
    public RunStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Offset { get; set; }

    public IReadOnlyList<SyncView> Syncs { get; private set; } = [];

    public IReadOnlyList<RunRow> Runs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Syncs = await syncs.ListAsync(cancellationToken);
        var page = await runs.ListAsync(new RunQuery { SyncId = SyncId, Status = Status, Limit = PageSize, Offset = Math.Max(0, Offset) }, cancellationToken);
        Runs = RunRow.Of(page, Syncs);
    }
}
