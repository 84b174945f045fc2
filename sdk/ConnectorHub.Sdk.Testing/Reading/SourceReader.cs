using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Sdk.Testing.Reading;

/// <summary>
/// Runs a source's read the way the host does and collects what it emitted: records, states (stored as JSON text
/// and parsed back, as a host persists them), rejections and logs. It can stop after N records to simulate a
/// crash, and resume a later read from what a stopped one committed.
/// </summary>
public static class SourceReader
{
    /// <summary>A request for <paramref name="streams"/> in <paramref name="mode"/>, from <paramref name="states"/> (none by default).</summary>
    public static ReadRequest Request(SyncMode mode, IEnumerable<string> streams, IReadOnlyDictionary<string, JsonNode>? states = null) => new()
    {
        Streams = streams.Select(s => new ConfiguredStream { Name = s, SyncMode = mode }).ToArray(),
        States = states ?? new Dictionary<string, JsonNode>(),
    };

    /// <summary>A request for one stream, optionally from <paramref name="state"/>.</summary>
    public static ReadRequest Request(SyncMode mode, string stream, JsonNode? state = null) =>
        Request(mode, [stream], state is null ? null : new Dictionary<string, JsonNode> { [stream] = state.DeepClone() });

    /// <summary>Reads <paramref name="request"/> to the end (or as <paramref name="options"/> say) and collects everything.</summary>
    public static async Task<SourceReadResult> ReadAsync(
        ISourceConnector connector,
        ConnectorContext context,
        ReadRequest request,
        SourceReadOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connector);
        options ??= new SourceReadOptions();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        var messages = new List<SourceMessage>();
        var records = 0;
        try
        {
            await foreach (var message in connector.ReadAsync(context, request, timeout.Token).WithCancellation(timeout.Token))
            {
                messages.Add(Snapshot(message));
                if (messages.Count > options.MaxMessages)
                {
                    throw new SourceReadException($"The read did not end: it emitted more than {options.MaxMessages} messages ({records} records). A paging loop over empty pages is the usual cause.", messages);
                }

                if (message is not RecordMessage)
                {
                    continue;
                }

                records++;
                if (records > options.MaxRecords)
                {
                    throw new SourceReadException($"The read did not end: it emitted more than {options.MaxRecords} records, far more than the source holds. A paging loop (a repeated or endless cursor) is the usual cause.", messages);
                }

                if (options.AfterRecord is { } after)
                {
                    await after(records);
                }

                if (records == options.StopAfterRecords)
                {
                    return new SourceReadResult(messages, stoppedEarly: true);
                }
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new SourceReadException($"The read did not finish within {options.Timeout.TotalSeconds:0} s (after {records} records).", messages);
        }

        return new SourceReadResult(messages, stoppedEarly: false);
    }

    /// <summary>Reads <paramref name="request"/> again starting from the states <paramref name="previous"/> committed.</summary>
    public static Task<SourceReadResult> ResumeAsync(
        ISourceConnector connector,
        ConnectorContext context,
        ReadRequest request,
        SourceReadResult previous,
        SourceReadOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(previous);
        return ReadAsync(connector, context, request with { States = previous.LastStates() }, options, cancellationToken);
    }

    // Copies what the connector handed over, so later changes to its objects do not rewrite history; states go
    // through JSON text, as the host stores them.
    private static SourceMessage Snapshot(SourceMessage message) => message switch
    {
        RecordMessage r => r with { Data = (JsonObject)r.Data.DeepClone() },
        StateMessage s => s with { State = JsonNode.Parse(s.State.ToJsonString()) ?? throw new SourceReadException($"Stream '{s.Stream}' emitted a null state.", []) },
        _ => message,
    };
}
