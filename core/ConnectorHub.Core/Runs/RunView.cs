using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Core.Runs;

/// <summary>A run as the API shows it: status, timings, per-stream counts and, for a failure, what went wrong.</summary>
public sealed record RunView(
    Guid Id,
    Guid SyncId,
    RunTrigger Trigger,
    RunStatus Status,
    DateTimeOffset QueuedAt,
    DateTimeOffset? ScheduledFor,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    TimeSpan? Duration,
    string? Node,
    bool CancelRequested,
    Guid? ResumedRunId,
    IReadOnlyList<RunStreamView> Streams,
    RunErrorView? Error)
{
    /// <summary>The view of a stored run.</summary>
    public static RunView From(Run run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new(run.Id, run.SyncId, run.Trigger, run.Status, run.QueuedAt, run.ScheduledFor, run.StartedAt, run.FinishedAt,
            run.StartedAt is { } started && run.FinishedAt is { } finished ? finished - started : null,
            run.Node, run.CancelRequested, run.ResumedRunId,
            run.Streams.OrderBy(s => s.Stream, StringComparer.Ordinal).Select(s => new RunStreamView(s.Stream, s.RecordsRead, s.RecordsWritten, s.RecordsRejected)).ToArray(),
            run.ErrorCategory is { } category ? new RunErrorView(category, run.ErrorStream, run.ErrorMessage ?? string.Empty, run.FailedRequest is null ? null : JsonNode.Parse(run.FailedRequest)?.AsObject()) : null);
    }
}

/// <summary>Counts of one stream of a run.</summary>
public sealed record RunStreamView(string Stream, long RecordsRead, long RecordsWritten, long RecordsRejected);

/// <summary>Why a run failed.</summary>
/// <param name="Category">How the failure is classified.</param>
/// <param name="Stream">The stream that failed, when known.</param>
/// <param name="Message">What went wrong, in words an admin can act on.</param>
/// <param name="FailedRequest">The redacted HTTP exchange that failed.</param>
public sealed record RunErrorView(ErrorCategory Category, string? Stream, string Message, JsonObject? FailedRequest);
