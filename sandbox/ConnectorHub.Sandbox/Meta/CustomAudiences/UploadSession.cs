namespace ConnectorHub.Sandbox.Meta.CustomAudiences;

/// <summary>
/// One multi-batch upload session of an audience, as Meta tracks it: the batches received, whether the uploader
/// sent <c>last_batch_flag</c>, and the batches discarded because they arrived after the session ended (Meta ends
/// a session at its last batch, or 90 minutes after its first when the last one never comes).
/// </summary>
public sealed class UploadSession
{
    /// <summary>How long a session stays open without <c>last_batch_flag</c>.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(90);

    private readonly List<int> _batchSequence = [];

    internal UploadSession(long sessionId, string operation, DateTimeOffset startedAt)
    {
        SessionId = sessionId;
        Operation = operation;
        StartedAt = startedAt;
    }

    /// <summary>The uploader's session id.</summary>
    public long SessionId { get; }

    /// <summary><c>add</c> or <c>remove</c>: the operation of the session's first batch.</summary>
    public string Operation { get; }

    /// <summary>When the first batch arrived.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>The <c>batch_seq</c> of every batch applied, in arrival order.</summary>
    public IReadOnlyList<int> BatchSequence => _batchSequence.ToArray();

    /// <summary>Whether a batch with <c>last_batch_flag: true</c> arrived.</summary>
    public bool Finished { get; private set; }

    /// <summary>Rows received in the session so far (Meta's <c>num_received</c>).</summary>
    public int NumReceived { get; private set; }

    /// <summary>Rows found invalid in the session so far.</summary>
    public int NumInvalidEntries { get; private set; }

    /// <summary>Batches ignored because the session had already ended.</summary>
    public int DiscardedBatches { get; private set; }

    internal bool IsOpen(DateTimeOffset now) => !Finished && now - StartedAt <= Timeout;

    internal void Discard() => DiscardedBatches++;

    internal void Record(int batchSeq, int received, int invalid, bool last)
    {
        _batchSequence.Add(batchSeq);
        NumReceived += received;
        NumInvalidEntries += invalid;
        Finished |= last;
    }
}
