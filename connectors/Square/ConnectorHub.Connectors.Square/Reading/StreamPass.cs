using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using ConnectorHub.Connectors.Square.Api;
using ConnectorHub.Connectors.Square.State;
using ConnectorHub.Connectors.Square.Streams;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Sources;
using ConnectorHub.Sdk.Streams.Paging;
using Microsoft.Extensions.Logging;

namespace ConnectorHub.Connectors.Square.Reading;

/// <summary>
/// Reads one stream as a pass over its partitions: an incremental pass reads <c>updated_at</c> in
/// [cursor, window end] and skips the records the last pass already read at exactly the cursor; a full refresh
/// reads everything. A checkpoint follows every page, so a stopped pass resumes at the next page with the same
/// query; the cursor moves only when the pass completes.
/// </summary>
internal sealed class StreamPass(ISquareStream stream, SquareApi api, LocationScope locations, TimeSpan consistencyLag, TimeProvider time)
{
    public async IAsyncEnumerable<SourceMessage> RunAsync(SyncMode mode, JsonNode? saved, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var state = SquareStreamStateJson.Read(saved, stream.Name);
        var incremental = mode == SyncMode.Incremental;
        if (state.Pass is { } stale && stale.Incremental != incremental)
        {
            yield return new LogMessage(LogLevel.Information, $"Square stream '{stream.Name}': the saved pass was for another sync mode, so a new pass starts.");
            state.Pass = null;
        }

        if (state.Pass is null)
        {
            var windowStart = incremental ? state.Cursor : null;
            var windowEnd = time.GetUtcNow() - consistencyLag;

            // A cursor past the window's end (a longer consistency lag than last run, or a clock behind Square's) leaves
            // nothing to read yet; Square would refuse the inverted range, so the pass reads no partition.
            var empty = windowStart > windowEnd;
            if (empty)
            {
                yield return new LogMessage(LogLevel.Information,
                    $"Square stream '{stream.Name}': the saved cursor ({TimeText.Format(windowStart!.Value)}) is later than the end of this run's window ({TimeText.Format(windowEnd)}), so there is nothing new to read yet.");
            }

            state.Pass = new PassProgress
            {
                Incremental = incremental,
                WindowStart = windowStart,
                WindowEnd = windowEnd,
                Partitions = empty ? [] : await stream.PartitionsAsync(locations, cancellationToken),
            };
        }

        var pass = state.Pass;
        while (pass.Partition < pass.Partitions.Count)
        {
            var partition = pass.Partitions[pass.Partition];
            var guard = NewGuard(partition);
            var resumed = pass.PageCursor is not null;
            do
            {
                var page = await FetchAsync(partition, pass, resumed, cancellationToken);
                if (page is null)
                {
                    yield return new LogMessage(LogLevel.Warning,
                        $"Square stream '{stream.Name}': Square no longer accepts the saved page cursor, so the current partition is read again from its start; records read before the interruption may be sent again.");
                    pass.PageCursor = null;
                    guard = NewGuard(partition);
                    resumed = false;
                    continue;
                }

                resumed = false;
                foreach (var record in page.Records)
                {
                    if (Admit(record, state, pass))
                    {
                        yield return new RecordMessage(stream.Name, record);
                    }
                }

                guard.Check(pass.PageCursor, page.NextCursor, page.Records.Count);
                pass.PageCursor = page.NextCursor;
                if (page.NextCursor is null)
                {
                    pass.Partition++;
                }

                if (pass.Partition < pass.Partitions.Count)
                {
                    yield return new StateMessage(stream.Name, SquareStreamStateJson.Write(state));
                }
            }
            while (pass.PageCursor is not null);
        }

        state.CompletePass();
        yield return new StateMessage(stream.Name, SquareStreamStateJson.Write(state));
    }

    /// <summary>
    /// The SDK's paging guards for one partition: a repeated cursor stops at once; Square's page size is advisory and a
    /// page may come back short or empty, so only more than 20 empty pages in a row stop the read.
    /// </summary>
    private PagingGuard NewGuard(string partition) =>
        new(stream.Name, partition.Length == 0 ? "Square" : $"Square (locations {partition})", new PagingGuardOptions { EmptyPagesWithNextAllowed = 20 });

    /// <summary>Notes the record in the pass and says whether to emit it (not when an earlier pass read it at the cursor).</summary>
    private static bool Admit(JsonObject record, SquareStreamState state, PassProgress pass)
    {
        var id = record["id"] is JsonValue idValue && idValue.TryGetValue(out string? text) ? text : null;
        var updatedAt = TimeText.Parse(record["updated_at"] is JsonValue u && u.TryGetValue(out string? updated) ? updated : null);
        if (id is null || updatedAt is not { } at)
        {
            return true;
        }

        pass.See(id, at);
        return !(pass.Incremental && state.AlreadyRead(id, at));
    }

    /// <summary>A page; null when Square refuses a page cursor saved by an earlier run (it may have expired).</summary>
    private async Task<SquarePage?> FetchAsync(string partition, PassProgress pass, bool resumedCursor, CancellationToken cancellationToken)
    {
        try
        {
            return await stream.FetchAsync(api, partition, pass, pass.PageCursor, cancellationToken);
        }
        catch (ConnectorInternalException ex) when (resumedCursor && SquareErrorBody.TryParse(ex.FailedRequest?.ResponseBody)?.Code == "INVALID_CURSOR")
        {
            return null;
        }
    }
}
