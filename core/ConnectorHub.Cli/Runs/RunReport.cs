using ConnectorHub.Cli.CommandLine;
using ConnectorHub.Core.Runs;

namespace ConnectorHub.Cli.Runs;

/// <summary>
/// How a run ended, for people (a summary table) and scripts (<c>--json</c>): per-stream counts, the classified
/// error and failed request of a failure, and the first rejected records with their reasons.
/// </summary>
internal sealed record RunReport(
    string Sync,
    Guid RunId,
    RunStatus Status,
    int ExitCode,
    double? DurationSeconds,
    string StateStore,
    IReadOnlyList<StreamCounts> Streams,
    RunTotals Totals,
    RunErrorView? Error,
    IReadOnlyList<RejectReport> Rejects)
{
    public static RunReport From(string sync, IReadOnlyList<string> configuredStreams, RunView run, IReadOnlyList<RejectedRecord> rejects, string stateStore)
    {
        // Every configured stream appears, with zeros when the run read nothing new from it.
        var counted = run.Streams.ToDictionary(s => s.Stream, StringComparer.Ordinal);
        var streams = configuredStreams.Concat(counted.Keys.Except(configuredStreams, StringComparer.Ordinal))
            .Select(name => counted.TryGetValue(name, out var s) ? new StreamCounts(name, s.RecordsRead, s.RecordsWritten, s.RecordsRejected) : new StreamCounts(name, 0, 0, 0))
            .ToArray();
        var totals = new RunTotals(streams.Sum(s => s.Read), streams.Sum(s => s.Written), streams.Sum(s => s.Rejected));
        return new RunReport(sync, run.Id, run.Status, ExitCodeOf.Run(run), run.Duration?.TotalSeconds, stateStore, streams, totals, run.Error,
            rejects.Select(r => new RejectReport(r.Stream, r.Stage, r.RecordKey, r.Location, r.Reason, r.RawData)).ToArray());
    }
}

/// <summary>Records read, written and rejected in one stream.</summary>
internal sealed record StreamCounts(string Stream, long Read, long Written, long Rejected);

/// <summary>Records read, written and rejected in all streams.</summary>
internal sealed record RunTotals(long Read, long Written, long Rejected);

/// <summary>A record set aside, with where and why.</summary>
internal sealed record RejectReport(string Stream, RejectionStage Stage, string? RecordKey, string? Location, string Reason, string? RawData);
