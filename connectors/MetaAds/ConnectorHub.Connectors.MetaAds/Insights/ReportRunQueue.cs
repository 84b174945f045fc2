using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using ConnectorHub.Connectors.Meta.Graph;
using ConnectorHub.Connectors.MetaAds.Graph;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Streams.Paging;

namespace ConnectorHub.Connectors.MetaAds.Insights;

/// <summary>
/// Async report runs for one account, one run per day: <c>POST /act_{id}/insights</c> queues a run, status polls
/// (<c>GET /{report_run_id}</c>) wait with growing delays until <c>Job Completed</c>, and
/// <c>GET /{report_run_id}/insights</c> pages its rows. Runs for the next days are queued ahead, so Meta works on
/// them while the current day is read. A failed or skipped run is requested again, twice at most.
/// </summary>
internal sealed class ReportRunQueue(GraphApi api, string stream, string accountId, InsightsQuery query, IReadOnlyList<DateOnly> days, int ahead, TimeProvider time)
{
    private const int MaxAttemptsPerDay = 3;
    private static readonly TimeSpan FirstPoll = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PatiencePerRun = TimeSpan.FromHours(1);

    private readonly Dictionary<DateOnly, string> _queued = [];

    /// <summary>The rows of <paramref name="day"/>, once its run completes.</summary>
    public async IAsyncEnumerable<JsonObject> RowsAsync(DateOnly day, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await QueueAheadAsync(day, cancellationToken);
        var runId = await CompletedRunAsync(day, cancellationToken);
        var guard = new PagingGuard(stream, $"report run {runId} (act_{accountId}, {Date(day)})", GraphPage.Guards);
        string? after = null;
        do
        {
            var page = GraphPage.From(await api.GetAsync($"{runId}/insights", query.Page(after), cancellationToken));
            foreach (var row in page.Rows)
            {
                yield return row;
            }

            guard.Check(after, page.After, page.Rows.Count);
            after = page.After;
        }
        while (after is not null);
    }

    private async Task QueueAheadAsync(DateOnly day, CancellationToken cancellationToken)
    {
        foreach (var next in days.SkipWhile(d => d < day).Take(ahead).Where(d => !_queued.ContainsKey(d)))
        {
            _queued[next] = await CreateRunAsync(next, cancellationToken);
        }
    }

    private async Task<string> CreateRunAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var answer = await api.PostAsync($"act_{accountId}/insights", query.For(day), cancellationToken);
        return answer["report_run_id"]?.ToString()
            ?? throw new ConnectorInternalException($"Meta accepted an async insights request for act_{accountId} ({Date(day)}) but returned no report_run_id.");
    }

    private async Task<string> CompletedRunAsync(DateOnly day, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var runId = _queued[day];
            var (status, run) = await WaitAsync(runId, cancellationToken);
            if (status == "Job Completed")
            {
                _queued.Remove(day);
                return runId;
            }

            if (attempt == MaxAttemptsPerDay)
            {
                throw new TransientException(
                    $"Meta's async insights report for act_{accountId} on {Date(day)} ended '{status}' {attempt} times (last run {runId}: {run["error_message"]?.ToString() ?? "no reason given"}). Run the sync again later; it resumes at this day.");
            }

            _queued[day] = await CreateRunAsync(day, cancellationToken);
        }
    }

    private async Task<(string Status, JsonObject Run)> WaitAsync(string runId, CancellationToken cancellationToken)
    {
        var delay = FirstPoll;
        var waited = TimeSpan.Zero;
        while (true)
        {
            var run = await api.GetAsync(runId, [new("fields", "id,async_status,async_percent_completion,error_message")], cancellationToken);
            var status = run["async_status"]?.ToString() ?? string.Empty;
            if (status is "Job Completed" or "Job Failed" or "Job Skipped")
            {
                return (status, run);
            }

            if (waited >= PatiencePerRun)
            {
                throw new TransientException(
                    $"Meta's async insights report {runId} for act_{accountId} is still '{status}' ({run["async_percent_completion"]}%) after {PatiencePerRun.TotalMinutes:0} minutes. Run the sync again later; it resumes at this day.");
            }

            await Task.Delay(delay, time, cancellationToken);
            waited += delay;
            delay = TimeSpan.FromTicks(Math.Min((long)(delay.Ticks * 1.5), LongestPoll.Ticks));
        }
    }

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
