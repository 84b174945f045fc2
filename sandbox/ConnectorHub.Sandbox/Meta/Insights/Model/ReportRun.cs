using System.Text.Json.Nodes;
using ConnectorHub.Sandbox.Meta.Insights.Reporting;

namespace ConnectorHub.Sandbox.Meta.Insights.Model;

/// <summary>
/// An async insights report run (<c>AdReportRun</c>): it advances one step per status poll, from
/// <c>Job Not Started</c> through <c>Job Running</c> to <c>Job Completed</c> (or <c>Job Failed</c>), and its rows are
/// computed when it completes.
/// </summary>
public sealed class ReportRun
{
    /// <summary>The run id (digits).</summary>
    public required string Id { get; init; }

    /// <summary>The ad account it reports on.</summary>
    public required string AccountId { get; init; }

    /// <summary>The request it runs.</summary>
    public required InsightsRequest Request { get; init; }

    /// <summary>When it was requested.</summary>
    public required DateTimeOffset RequestedAt { get; init; }

    /// <summary>Status polls answered so far.</summary>
    public int Polls { get; set; }

    /// <summary><c>Job Not Started</c>, <c>Job Running</c>, <c>Job Completed</c> or <c>Job Failed</c>.</summary>
    public string Status { get; set; } = "Job Not Started";

    /// <summary>0-100.</summary>
    public int PercentCompletion { get; set; }

    /// <summary>When it completed.</summary>
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>Whether this run is to fail.</summary>
    public bool WillFail { get; init; }

    /// <summary>The rows, once completed.</summary>
    internal IReadOnlyList<JsonObject>? Rows { get; set; }

    /// <summary>The run as <c>GET /{report_run_id}</c> returns it.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["id"] = Id,
            ["account_id"] = AccountId,
            ["async_status"] = Status,
            ["async_percent_completion"] = PercentCompletion,
            ["date_start"] = GraphTime.Date(Request.Since),
            ["date_stop"] = GraphTime.Date(Request.Until),
            ["time_ref"] = RequestedAt.ToUnixTimeSeconds(),
            ["is_running"] = Status is "Job Not Started" or "Job Started" or "Job Running",
        };
        if (CompletedAt is { } completed)
        {
            json["time_completed"] = completed.ToUnixTimeSeconds();
        }

        if (Status == "Job Failed")
        {
            json["error_code"] = 2601;
            json["error_message"] = "The report could not be generated. Please retry the request.";
            json["error_subcode"] = 1815107;
            json["error_user_title"] = "Report failed";
            json["error_user_msg"] = "Something went wrong while generating this report. Please try again.";
        }

        return json;
    }
}
