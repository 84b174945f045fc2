using System.Text.Json.Nodes;
using ConnectorHub.Core.Runs;
using ConnectorHub.Sdk.Destinations;

namespace ConnectorHub.Core.Runner;

/// <summary>
/// What a run has read but not yet committed: records per stream, the latest state per stream, rejections and
/// count deltas. A state in here was emitted after every record in here (or already committed), so once the
/// records are written the states are safe to persist.
/// </summary>
internal sealed class PendingBatch
{
    public Dictionary<string, List<DestinationRecord>> Records { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, JsonNode> States { get; } = new(StringComparer.Ordinal);

    public List<RejectedRecord> Rejects { get; } = [];

    public Dictionary<string, StreamCounts> Counts { get; } = new(StringComparer.Ordinal);

    public int RecordCount { get; private set; }

    public bool IsEmpty => RecordCount == 0 && States.Count == 0 && Rejects.Count == 0 && Counts.Count == 0;

    public void Add(string stream, DestinationRecord record)
    {
        if (!Records.TryGetValue(stream, out var list))
        {
            Records[stream] = list = [];
        }

        list.Add(record);
        RecordCount++;
    }

    public StreamCounts CountsOf(string stream)
    {
        if (!Counts.TryGetValue(stream, out var counts))
        {
            Counts[stream] = counts = new StreamCounts();
        }

        return counts;
    }

    public void Clear()
    {
        Records.Clear();
        States.Clear();
        Rejects.Clear();
        Counts.Clear();
        RecordCount = 0;
    }
}

/// <summary>Count deltas of one stream since the last commit.</summary>
internal sealed class StreamCounts
{
    public long Read { get; set; }

    public long Written { get; set; }

    public long Rejected { get; set; }
}
