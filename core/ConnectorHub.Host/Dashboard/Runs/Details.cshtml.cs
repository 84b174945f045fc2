using ConnectorHub.Core.Runs;
using ConnectorHub.Core.Syncs;
using ConnectorHub.Core.Validation;
using ConnectorHub.Sdk.Errors;
using Microsoft.AspNetCore.Mvc;

namespace ConnectorHub.Host.Dashboard.Runs;

/// <summary>
/// One run: status, timings, per-stream counts, the classified error with the failed request, and rejected
/// records. While it runs, the page refreshes its live part every second (a fragment from <c>?handler=Live</c>).
/// </summary>
public sealed class DetailsModel(RunService runs, SyncService syncs, TimeProvider time) : DashboardPage
{
    public const int RejectsShown = 100;

    public RunView Run { get; private set; } = null!;

    public string SyncName { get; private set; } = string.Empty;

    public IReadOnlyList<RejectedRecord> Rejects { get; private set; } = [];

    public DateTimeOffset Now => time.GetUtcNow();

    public string Explain(ErrorCategory category) => category switch
    {
        ErrorCategory.Configuration => "The settings were refused: check the connection's credentials and permissions, then run again.",
        ErrorCategory.Transient => "The system had a passing fault and retries ran out: run again later.",
        ErrorCategory.RateLimited => "The system asked the hub to slow down for longer than a run waits: run again later or less often.",
        ErrorCategory.Record => "A record could not be handled.",
        _ => "An unexpected error (a bug or an unexpected answer). The details below help a developer.",
    };

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <summary>The live part alone, for the page's polling.</summary>
    public async Task<IActionResult> OnGetLiveAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Partial("_RunLive", this) : NotFound();

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken cancellationToken)
    {
        if (Refuse(CanOperate) is { } refused)
        {
            return refused;
        }

        try
        {
            await runs.CancelAsync(id, cancellationToken);
            Flash("Cancel requested: the run stops at its next batch and keeps what it wrote.");
        }
        catch (HubValidationException ex)
        {
            Flash(Messages(ex), error: true);
        }

        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            Run = await runs.GetAsync(id, cancellationToken);
        }
        catch (NotFoundException)
        {
            return false;
        }

        try
        {
            SyncName = (await syncs.GetAsync(Run.SyncId, cancellationToken)).Name;
        }
        catch (NotFoundException)
        {
            SyncName = "(deleted sync)";
        }

        Rejects = await runs.RejectsAsync(id, RejectsShown, 0, cancellationToken);
        return true;
    }
}
