using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace ConnectorHub.Connectors.MetaCustomAudiences.Upload;

/// <summary>
/// One Meta upload session (of adds, or of removes) for a run: a random positive id, <c>batch_seq</c>
/// from 1, advanced only when Meta accepted a batch, and the last row sent so the run can close the session.
/// </summary>
internal sealed class UploadSession(bool remove)
{
    private int _nextBatch = 1;
    private IReadOnlyDictionary<string, string>? _lastRow;

    public long Id { get; } = NewId();

    public bool Remove { get; } = remove;

    /// <summary>Whether a closing batch is still owed (a batch went out and <c>last_batch_flag</c> did not).</summary>
    public bool NeedsClosing => _lastRow is not null && !Closed;

    public bool Closed { get; private set; }

    public int BatchesSent => _nextBatch - 1;

    /// <summary>The request body for the next batch.</summary>
    public JsonObject Body(IReadOnlyList<IReadOnlyDictionary<string, string>> rows, bool last) => new()
    {
        ["payload"] = UsersPayload.Build(rows),
        ["session"] = new JsonObject
        {
            ["session_id"] = Id,
            ["batch_seq"] = _nextBatch,
            ["last_batch_flag"] = last,
        },
    };

    /// <summary>
    /// The closing batch. Meta does not document whether a batch may have no rows, so it repeats the last row sent:
    /// adding (or removing) the same person twice changes nothing.
    /// </summary>
    public JsonObject ClosingBody() => Body([_lastRow ?? throw new InvalidOperationException("No batch was sent in this session.")], last: true);

    public void Accepted(IReadOnlyList<IReadOnlyDictionary<string, string>> rows, bool last)
    {
        _nextBatch++;
        _lastRow = rows.Count > 0 ? rows[^1] : _lastRow;
        Closed |= last;
    }

    /// <summary>A random positive id below 2^53, so it survives any JSON parser that reads numbers as doubles.</summary>
    private static long NewId()
    {
        long id;
        do
        {
            id = BitConverter.ToInt64(RandomNumberGenerator.GetBytes(8)) & ((1L << 53) - 1);
        }
        while (id == 0);
        return id;
    }
}
