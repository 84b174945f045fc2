using ConnectorHub.Core.Runs;
using ConnectorHub.Core.Syncs;

namespace ConnectorHub.Host.Dashboard.Runs;

/// <summary>A run in a list, with its sync's name and totals over its streams.</summary>
public sealed record RunRow(RunView Run, string SyncName)
{
    public long Read => Run.Streams.Sum(s => s.RecordsRead);

    public long Written => Run.Streams.Sum(s => s.RecordsWritten);

    public long Rejected => Run.Streams.Sum(s => s.RecordsRejected);

    public static IReadOnlyList<RunRow> Of(IEnumerable<RunView> runs, IEnumerable<SyncView> syncs)
    {
        var names = syncs.ToDictionary(s => s.Id, s => s.Name);
        return runs.Select(r => new RunRow(r, names.GetValueOrDefault(r.SyncId, "(deleted sync)"))).ToArray();
    }
}
