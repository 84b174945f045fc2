using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Sources;
using ConnectorHub.Sdk.Streams.Incremental;
using ConnectorHub.Sdk.Streams.Records;
using ConnectorHub.Sdk.Streams.Requests;

namespace ConnectorHub.Sdk.Streams.Reading;

/// <summary>
/// The read loop every HTTP stream shares: partitions (parent records) → slices (date ranges) → queries → pages →
/// records, a checkpoint after every page. It owns the state's shape:
/// <c>{"page": token}</c> while a full refresh runs (<c>{}</c> when it ends), <c>{"cursor": "...", "ids": [...]}</c>
/// for an incremental read, <c>{"slice": start, "page": token}</c> for sliced streams, and
/// <c>{"partitions": {key: state}}</c> for child streams.
/// </summary>
internal sealed class HttpStreamReader(HttpSourceCall call, HttpStreamBuilder stream)
{
    private const string PageKey = "page";
    private const string SliceKey = "slice";
    private const string PartitionsKey = "partitions";
    private const string DoneKey = "done";

    public async Task ReadFirstPageAsync(CancellationToken cancellationToken)
    {
        var slice = stream.Slicing is { } slicing ? Slices(slicing.Start).FirstOrDefault() : (DateRange?)null;
        var loop = new PageLoop(call, stream, stream.Request, stream.Paginator, new RequestArguments(null, slice, null), request => ApplySlice(request, slice));
        await foreach (var page in loop.RunAsync(null, cancellationToken))
        {
            _ = page;
            return;
        }
    }

    public async IAsyncEnumerable<SourceMessage> ReadAsync(SyncMode mode, JsonObject? state, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (stream.Parent is null)
        {
            await foreach (var message in ReadPartitionAsync(mode, null, state, s => s, cancellationToken))
            {
                yield return message;
            }

            yield break;
        }

        var key = FieldPath.Parse(stream.Parent.PartitionKey);
        var partitions = state?[PartitionsKey]?.DeepClone() as JsonObject ?? [];
        await foreach (var parent in call.ParentRecordsAsync(stream.Parent.ParentStream, cancellationToken))
        {
            var id = key.SelectText(parent)
                ?? throw new ConnectorInternalException($"Stream '{stream.Name}': a record of its parent '{stream.Parent.ParentStream}' has no '{stream.Parent.PartitionKey}'.");
            var partitionState = partitions[id] as JsonObject;
            if (mode == SyncMode.FullRefresh && partitionState?[DoneKey] is not null)
            {
                continue; // finished before the read was interrupted
            }

            JsonObject Wrap(JsonObject inner)
            {
                partitions[id] = inner.Count == 0 && mode == SyncMode.FullRefresh ? new JsonObject { [DoneKey] = true } : inner.DeepClone();
                return new JsonObject { [PartitionsKey] = partitions.DeepClone() };
            }

            await foreach (var message in ReadPartitionAsync(mode, parent, partitionState, Wrap, cancellationToken))
            {
                yield return message;
            }
        }

        yield return new StateMessage(stream.Name, mode == SyncMode.FullRefresh ? new JsonObject() : new JsonObject { [PartitionsKey] = partitions });
    }

    private IAsyncEnumerable<SourceMessage> ReadPartitionAsync(SyncMode mode, JsonObject? parent, JsonObject? state, Func<JsonObject, JsonObject> wrap, CancellationToken cancellationToken) =>
        stream.Slicing is not null ? ReadSlicesAsync(mode, parent, state, wrap, cancellationToken)
        : mode == SyncMode.Incremental ? ReadIncrementalAsync(parent, state, wrap, cancellationToken)
        : ReadFullRefreshAsync(parent, state, wrap, cancellationToken);

    private async IAsyncEnumerable<SourceMessage> ReadFullRefreshAsync(JsonObject? parent, JsonObject? state, Func<JsonObject, JsonObject> wrap, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var token = stream.ResumableFullRefresh ? state?[PageKey]?.ToString() : null;
        var loop = new PageLoop(call, stream, stream.Request, stream.Paginator, new RequestArguments(parent, null, null), null);
        await foreach (var page in loop.RunAsync(token, cancellationToken))
        {
            foreach (var message in Emit(page))
            {
                yield return message;
            }

            if (page.Next is not null && stream.ResumableFullRefresh)
            {
                yield return Checkpoint(wrap, new JsonObject { [PageKey] = page.Next });
            }
        }

        yield return Checkpoint(wrap, []);
    }

    private async IAsyncEnumerable<SourceMessage> ReadIncrementalAsync(JsonObject? parent, JsonObject? state, Func<JsonObject, JsonObject> wrap, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var options = stream.Incremental!;
        var field = FieldPath.Parse(options.CursorField);
        var tracker = CursorTracker.From(state, field, options.Lookback, options.StartDate);
        var template = options.Request ?? stream.Request;
        var paginator = options.Paginator ?? stream.Paginator;
        var resumeToken = options.SortedByCursor ? null : state?[PageKey]?.ToString();
        if (options.SortedByCursor || resumeToken is null)
        {
            tracker.Rebase(); // a resumed unsorted query keeps asking from where it started
        }

        while (true)
        {
            var startCursor = tracker.Start;
            var lowerBound = tracker.LowerBound;
            var arguments = new RequestArguments(parent, null, lowerBound);
            var loop = new PageLoop(call, stream, template, paginator, arguments, request =>
            {
                if (lowerBound is { } bound && options.StartOption is { } option)
                {
                    option.Apply(request, CursorValues.Write(bound, options.RequestFormat));
                }
            });
            var fetched = 0;
            var restart = false;
            await foreach (var page in loop.RunAsync(resumeToken, cancellationToken))
            {
                foreach (var record in page.Records)
                {
                    if (tracker.Admit(record, KeyOf(record), stream.Name))
                    {
                        yield return new RecordMessage(stream.Name, record);
                    }
                }

                if (page.Rejection is not null)
                {
                    yield return page.Rejection;
                }

                fetched += page.Records.Count;
                if (page.Next is null)
                {
                    break;
                }

                if (options.SortedByCursor)
                {
                    yield return Checkpoint(wrap, Written(tracker));
                }
                else
                {
                    var resumable = new JsonObject();
                    tracker.WriteMidQueryTo(resumable);
                    resumable[PageKey] = page.Next;
                    yield return Checkpoint(wrap, resumable);
                }

                if (options.QueryResultCap is { } cap && fetched + page.Records.Count > cap)
                {
                    if (tracker.Cursor == startCursor)
                    {
                        throw new ConnectorInternalException($"More than {cap:N0} {stream.Name} share the cursor value {tracker.Cursor:O} ({options.CursorField}); {call.Platform} cannot page past them in one query. Run a full refresh of '{stream.Name}' instead.");
                    }

                    restart = true; // the next page would cross the API's cap: a new query from the cursor
                    break;
                }
            }

            resumeToken = null;
            tracker.Rebase();
            if (!restart)
            {
                yield return Checkpoint(wrap, Written(tracker));
                yield break;
            }
        }
    }

    private async IAsyncEnumerable<SourceMessage> ReadSlicesAsync(SyncMode mode, JsonObject? parent, JsonObject? state, Func<JsonObject, JsonObject> wrap, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var slicing = stream.Slicing!;
        var saved = CursorValues.Read(state?[SliceKey]);
        var resumeToken = state?[PageKey]?.ToString();
        var start = saved is { } from
            ? (mode == SyncMode.Incremental && resumeToken is null ? from - slicing.Lookback : from)
            : slicing.Start;
        if (start < slicing.Start)
        {
            start = slicing.Start;
        }

        if (slicing.Format == CursorFormat.Date)
        {
            start = new DateTimeOffset(start.UtcDateTime.Date, TimeSpan.Zero); // a date API cannot ask for part of a day
        }

        var last = start;
        foreach (var slice in Slices(start))
        {
            var loop = new PageLoop(call, stream, stream.Request, stream.Paginator, new RequestArguments(parent, slice, null), request => ApplySlice(request, slice));
            await foreach (var page in loop.RunAsync(resumeToken, cancellationToken))
            {
                foreach (var message in Emit(page))
                {
                    yield return message;
                }

                if (page.Next is not null)
                {
                    yield return Checkpoint(wrap, new JsonObject { [SliceKey] = CursorValues.Write(slice.Start, CursorFormat.Iso8601), [PageKey] = page.Next });
                }
            }

            resumeToken = null;
            last = slice.End;
            yield return Checkpoint(wrap, new JsonObject { [SliceKey] = CursorValues.Write(slice.End, CursorFormat.Iso8601) });
        }

        yield return Checkpoint(wrap, mode == SyncMode.FullRefresh ? [] : new JsonObject { [SliceKey] = CursorValues.Write(last, CursorFormat.Iso8601) });
    }

    private IEnumerable<DateRange> Slices(DateTimeOffset start)
    {
        var slicing = stream.Slicing!;
        var now = call.Context.Time.GetUtcNow();
        for (var from = start; from < now; from += slicing.Step)
        {
            var to = from + slicing.Step;
            yield return new DateRange(from, to < now ? to : now);
        }
    }

    private void ApplySlice(PageRequest request, DateRange? slice)
    {
        if (slice is not { } range || stream.Slicing is not { } slicing)
        {
            return;
        }

        slicing.StartOption?.Apply(request, CursorValues.Write(range.Start, slicing.Format));
        var end = slicing.InclusiveEnd ? range.End.AddTicks(-1) : range.End; // a date format writes the day that tick falls in
        slicing.EndOption?.Apply(request, CursorValues.Write(end, slicing.Format));
    }

    private IEnumerable<SourceMessage> Emit(Page page)
    {
        foreach (var record in page.Records)
        {
            yield return new RecordMessage(stream.Name, record);
        }

        if (page.Rejection is not null)
        {
            yield return page.Rejection;
        }
    }

    private string KeyOf(JsonObject record)
    {
        if (stream.PrimaryKey.Count == 0)
        {
            return record.ToJsonString();
        }

        return string.Join('|', stream.PrimaryKey.Select(k => FieldPath.Parse(k).SelectText(record) ?? string.Empty));
    }

    private static JsonObject Written(CursorTracker tracker)
    {
        var state = new JsonObject();
        tracker.WriteTo(state);
        return state;
    }

    private StateMessage Checkpoint(Func<JsonObject, JsonObject> wrap, JsonObject state) => new(stream.Name, wrap(state));
}
