using System.Text.Json.Nodes;
using ConnectorHub.Core.Runs;
using ConnectorHub.Sdk.Destinations;

namespace ConnectorHub.Core.Runner;

/// <summary>
/// What a run has read but not yet committed: records per stream, the latest state per stream, rejections and
/// count deltas. A state in here was emitted after every record before it (or already committed), so once those
/// records are written the state is safe to persist. Records leave the batch as the sink accepts them, so a flush
/// that is interrupted and done again never writes a record twice.
/// </summary>
internal sealed class PendingBatch
{
    private readonly Dictionary<string, Mark> _atState = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _readRejects = new(StringComparer.Ordinal);

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

    /// <summary>Keeps <paramref name="state"/> as the stream's checkpoint, covering everything read of it so far.</summary>
    public void Checkpoint(string stream, JsonNode state)
    {
        States[stream] = state;
        var counts = CountsOf(stream);
        _atState[stream] = new Mark(Records.GetValueOrDefault(stream)?.Count ?? 0, counts.Read, _readRejects.GetValueOrDefault(stream));
    }

    /// <summary>Sets <paramref name="reject"/> aside and counts it against its stream.</summary>
    public void Reject(RejectedRecord reject)
    {
        Rejects.Add(reject);
        CountsOf(reject.Stream).Rejected++;
        if (IsReadSide(reject))
        {
            _readRejects[reject.Stream] = _readRejects.GetValueOrDefault(reject.Stream) + 1;
        }
    }

    public StreamCounts CountsOf(string stream)
    {
        if (!Counts.TryGetValue(stream, out var counts))
        {
            Counts[stream] = counts = new StreamCounts();
        }

        return counts;
    }

    /// <summary>
    /// The sink answered for the first <paramref name="answered"/> records of <paramref name="stream"/>: they leave the
    /// batch, except those at <paramref name="retry"/> (positions among them, ascending), which stay at its front to be
    /// sent again.
    /// </summary>
    public void Answered(string stream, int answered, IReadOnlyList<int> retry)
    {
        var records = Records[stream];
        var again = retry.Select(i => records[i]).ToArray();
        records.RemoveRange(0, answered);
        records.InsertRange(0, again);
        RecordCount -= answered - again.Length;
        if (_atState.TryGetValue(stream, out var mark))
        {
            // The checkpoint still covers exactly the records read before it: those kept for a retry, and the rest.
            var keptBefore = retry.Count(i => i < mark.Records);
            _atState[stream] = mark with { Records = keptBefore + Math.Max(0, mark.Records - answered) };
        }
    }

    /// <summary>
    /// Forgets what was read after each stream's last checkpoint in this batch (or all of a stream's records when it
    /// has none here): the next run reads it again from the committed checkpoint, so nothing is sent twice.
    /// </summary>
    public void DropAfterLastCheckpoint()
    {
        foreach (var stream in Counts.Keys.Union(Records.Keys, StringComparer.Ordinal).ToArray())
        {
            var mark = _atState.GetValueOrDefault(stream);
            if (Records.TryGetValue(stream, out var records) && records.Count > mark.Records)
            {
                RecordCount -= records.Count - mark.Records;
                records.RemoveRange(mark.Records, records.Count - mark.Records);
            }

            // Rejections made while reading go with the reads; the destination's answers for written records stay.
            var seen = 0;
            var dropped = Rejects.RemoveAll(r => r.Stream == stream && IsReadSide(r) && seen++ >= mark.Rejects);
            var counts = CountsOf(stream);
            counts.Read = mark.Read;
            counts.Rejected -= dropped;
            _readRejects[stream] = mark.Rejects;
        }
    }

    private static bool IsReadSide(RejectedRecord reject) => reject.Stage != RejectionStage.Destination;

    public void Clear()
    {
        Records.Clear();
        States.Clear();
        Rejects.Clear();
        Counts.Clear();
        _atState.Clear();
        _readRejects.Clear();
        RecordCount = 0;
    }

    /// <summary>Where a stream stood in this batch when its last checkpoint arrived.</summary>
    private readonly record struct Mark(int Records, long Read, int Rejects);
}

/// <summary>Count deltas of one stream since the last commit.</summary>
internal sealed class StreamCounts
{
    public long Read { get; set; }

    public long Written { get; set; }

    public long Rejected { get; set; }
}
