using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Sdk.Testing.Reading;

/// <summary>Everything one read emitted, in order, with what a host would have committed.</summary>
public sealed class SourceReadResult
{
    internal SourceReadResult(IReadOnlyList<SourceMessage> messages, bool stoppedEarly)
    {
        Messages = messages;
        StoppedEarly = stoppedEarly;
        Records = messages.OfType<RecordMessage>().ToArray();
        States = messages.OfType<StateMessage>().ToArray();
        Rejections = messages.OfType<RecordRejectedMessage>().ToArray();
        Logs = messages.OfType<LogMessage>().ToArray();
    }

    /// <summary>Every message, in the order emitted.</summary>
    public IReadOnlyList<SourceMessage> Messages { get; }

    /// <summary>Whether the read was stopped by <see cref="SourceReadOptions.StopAfterRecords"/> (a simulated crash).</summary>
    public bool StoppedEarly { get; }

    /// <summary>The records.</summary>
    public IReadOnlyList<RecordMessage> Records { get; }

    /// <summary>The state checkpoints (each a copy, as a host would have stored it).</summary>
    public IReadOnlyList<StateMessage> States { get; }

    /// <summary>Records the source set aside.</summary>
    public IReadOnlyList<RecordRejectedMessage> Rejections { get; }

    /// <summary>Log lines.</summary>
    public IReadOnlyList<LogMessage> Logs { get; }

    /// <summary>The records of one stream.</summary>
    public IReadOnlyList<RecordMessage> RecordsOf(string stream) => Records.Where(r => r.Stream == stream).ToArray();

    /// <summary>The last state emitted for <paramref name="stream"/>, or null.</summary>
    public JsonNode? LastState(string stream) => States.LastOrDefault(s => s.Stream == stream)?.State.DeepClone();

    /// <summary>The last state of every stream that emitted one: what the next run starts from.</summary>
    public IReadOnlyDictionary<string, JsonNode> LastStates() =>
        States.GroupBy(s => s.Stream).ToDictionary(g => g.Key, g => g.Last().State.DeepClone());

    /// <summary>
    /// The records of <paramref name="stream"/> emitted before its last state: what a host has committed when the
    /// run dies right after that checkpoint. Records after it are lost with the crash and must come again.
    /// </summary>
    public IReadOnlyList<RecordMessage> CommittedRecordsOf(string stream)
    {
        var lastState = -1;
        for (var i = Messages.Count - 1; i >= 0; i--)
        {
            if (Messages[i] is StateMessage s && s.Stream == stream)
            {
                lastState = i;
                break;
            }
        }

        return Messages.Take(lastState + 1).OfType<RecordMessage>().Where(r => r.Stream == stream).ToArray();
    }
}
