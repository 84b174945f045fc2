using System.Text.Json.Nodes;
using ConnectorHub.Sandbox.Meta.Graph;
using ConnectorHub.Sandbox.Meta.Insights.Model;
using ConnectorHub.Sandbox.Meta.Insights.Reporting;

namespace ConnectorHub.Sandbox.Meta.Insights.Endpoints;

/// <summary>
/// Ads Insights: <c>GET /act_{id}/insights</c> (synchronous, refused as too much data beyond the emulator's limit),
/// <c>POST /act_{id}/insights</c> (creates a report run), <c>GET /{report_run_id}</c> (status, one step per poll)
/// and <c>GET /{report_run_id}/insights</c> (the run's rows, paged).
/// </summary>
internal sealed class InsightsEndpoints(MetaInsightsEmulator emulator)
{
    public async Task SyncAsync(HttpContext context, string version, string accountId)
    {
        if (await ReadAsync(context, version, accountId) is not { } read)
        {
            return;
        }

        List<JsonObject> rows;
        lock (emulator.Gate)
        {
            rows = InsightsReport.Rows(emulator.Data, accountId, read.Request);
        }

        if (rows.Count > emulator.MaxSyncRows)
        {
            await InsightsFaults.TooMuchData().WriteAsync(context.Response, emulator.TooMuchDataStatusCode);
            return;
        }

        await context.Response.WriteAsJsonAsync(GraphPaging.Page(context.Request, read.Parameters, rows, emulator.Paging));
    }

    public async Task CreateRunAsync(HttpContext context, string version, string accountId)
    {
        if (await ReadAsync(context, version, accountId) is not { } read)
        {
            return;
        }

        var run = emulator.CreateRun(accountId, read.Request);
        await context.Response.WriteAsJsonAsync(new JsonObject { ["report_run_id"] = run.Id });
    }

    public async Task RunStatusAsync(HttpContext context, string version, string runId)
    {
        if (await emulator.AuthorizeAsync(context, version) is null)
        {
            return;
        }

        if (emulator.FindRun(runId) is not { } run)
        {
            await GraphError.UnknownObject("GET", runId).WriteAsync(context.Response);
            return;
        }

        JsonObject json;
        lock (emulator.Gate)
        {
            Advance(run);
            json = run.ToJson();
        }

        await context.Response.WriteAsJsonAsync(json);
    }

    public async Task RunRowsAsync(HttpContext context, string version, string runId, string edge)
    {
        if (await emulator.AuthorizeAsync(context, version) is not { } parameters)
        {
            return;
        }

        if (emulator.FindRun(runId) is not { } run || edge != "insights")
        {
            await GraphError.UnknownObject("GET", $"{runId}/{edge}").WriteAsync(context.Response);
            return;
        }

        if (run.Rows is not { } rows)
        {
            await GraphError.InvalidParameter($"Report run {runId} has not completed (async_status: {run.Status}); poll it until Job Completed").WriteAsync(context.Response);
            return;
        }

        emulator.WriteUsage(context.Response, run.AccountId);
        await context.Response.WriteAsJsonAsync(GraphPaging.Page(context.Request, parameters, rows, emulator.Paging));
    }

    private void Advance(ReportRun run)
    {
        if (run.Status is "Job Completed" or "Job Failed")
        {
            return;
        }

        run.Polls++;
        var steps = Math.Max(1, emulator.PollsToComplete);
        if (run.Polls < steps)
        {
            run.Status = run.Polls == 1 ? "Job Started" : "Job Running";
            run.PercentCompletion = run.Polls * 100 / steps;
            return;
        }

        run.Status = run.WillFail ? "Job Failed" : "Job Completed";
        run.PercentCompletion = run.WillFail ? run.PercentCompletion : 100;
        run.CompletedAt = emulator.Time.GetUtcNow();
        run.Rows = run.WillFail ? null : InsightsReport.Rows(emulator.Data, run.AccountId, run.Request);
    }

    private async Task<(GraphParameters Parameters, InsightsRequest Request)?> ReadAsync(HttpContext context, string version, string accountId)
    {
        if (await emulator.AuthorizeAsync(context, version) is not { } parameters)
        {
            return null;
        }

        if (!emulator.Data.Accounts.ContainsKey(accountId))
        {
            await GraphError.UnknownObject(context.Request.Method, $"act_{accountId}").WriteAsync(context.Response);
            return null;
        }

        var (request, error) = InsightsRequest.Read(parameters, emulator.Today);
        if (error is not null)
        {
            await error.WriteAsync(context.Response);
            return null;
        }

        emulator.WriteUsage(context.Response, accountId);
        return (parameters, request!);
    }
}
