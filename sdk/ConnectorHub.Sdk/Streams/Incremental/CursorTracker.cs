using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Streams.Records;

namespace ConnectorHub.Sdk.Streams.Incremental;

/// <summary>
/// The incremental boundary of one stream (or partition). It filters against the boundary the query started from
/// (the cursor and the keys already emitted at exactly that value), so a <c>&gt;=</c> query loses nothing and emits
/// nothing twice, whatever order the API returns records in; and it tracks the highest cursor emitted and the keys
/// at it, which become the next boundary.
/// </summary>
public sealed class CursorTracker
{
    private readonly FieldPath _field;
    private readonly TimeSpan _lookback;
    private DateTimeOffset? _start;
    private HashSet<string> _keysAtStart;
    private HashSet<string> _keysAtCursor;

    private CursorTracker(FieldPath field, TimeSpan lookback, DateTimeOffset? cursor, IEnumerable<string> keys, DateTimeOffset? pending, IEnumerable<string> pendingKeys)
    {
        _field = field;
        _lookback = lookback;
        _start = cursor;
        _keysAtStart = new HashSet<string>(keys, StringComparer.Ordinal);
        (Cursor, _keysAtCursor) = pending is not null && (cursor is null || pending > cursor)
            ? (pending, new HashSet<string>(pendingKeys, StringComparer.Ordinal))
            : (cursor, new HashSet<string>(_keysAtStart, StringComparer.Ordinal));
    }

    /// <summary>The highest cursor emitted (or the starting boundary), or null before any.</summary>
    public DateTimeOffset? Cursor { get; private set; }

    /// <summary>The boundary the current query started from.</summary>
    public DateTimeOffset? Start => _start;

    /// <summary>The lower bound the current query asks from: its starting boundary less the lookback.</summary>
    public DateTimeOffset? LowerBound => _start - _lookback;

    /// <summary>Reads the boundary from a state (a cursor written as text, or as epoch milliseconds by SDK 1 connectors); <paramref name="start"/> when it has none.</summary>
    public static CursorTracker From(JsonObject? state, FieldPath field, TimeSpan lookback, DateTimeOffset? start) => new(
        field ?? throw new ArgumentNullException(nameof(field)),
        lookback,
        CursorValues.Read(state?["cursor"]) ?? start,
        Keys(state?["ids"]),
        CursorValues.Read(state?[PendingKey]?["cursor"]),
        Keys(state?[PendingKey]?["ids"]));

    private const string PendingKey = "pending";

    /// <summary>Whether <paramref name="record"/> is to be emitted; notes it when it is.</summary>
    public bool Admit(JsonObject record, string key, string stream)
    {
        ArgumentNullException.ThrowIfNull(record);
        var value = CursorValues.Read(_field.SelectOne(record))
            ?? throw new ConnectorInternalException($"Stream '{stream}': record {key} has no readable cursor at '{_field}'.");
        if (_start is { } start && (value < start - _lookback || (value == start && _keysAtStart.Contains(key))))
        {
            return false;
        }

        if (Cursor is null || value > Cursor)
        {
            Cursor = value;
            _keysAtCursor = new HashSet<string>(StringComparer.Ordinal);
        }

        if (value == Cursor)
        {
            _keysAtCursor.Add(key);
        }

        return true;
    }

    private static IEnumerable<string> Keys(JsonNode? ids) => (ids as JsonArray ?? []).Select(i => i?.ToString()).OfType<string>();

    /// <summary>Makes the highest cursor emitted the boundary of the next query (a new search window).</summary>
    public void Rebase()
    {
        _start = Cursor;
        _keysAtStart = new HashSet<string>(_keysAtCursor, StringComparer.Ordinal);
    }

    /// <summary>
    /// Writes a checkpoint taken in the middle of a query whose records are not in cursor order: the boundary the
    /// query started from (a resumed query must ask from it again) and, under <c>pending</c>, the highest cursor
    /// emitted so far, which becomes the boundary once the query ends.
    /// </summary>
    public void WriteMidQueryTo(JsonObject state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (_start is { } start)
        {
            state["cursor"] = CursorValues.Write(start, CursorFormat.Iso8601);
            state["ids"] = new JsonArray(_keysAtStart.Order(StringComparer.Ordinal).Select(k => (JsonNode)k).ToArray());
        }

        if (Cursor is { } cursor && Cursor != _start)
        {
            state[PendingKey] = new JsonObject
            {
                ["cursor"] = CursorValues.Write(cursor, CursorFormat.Iso8601),
                ["ids"] = new JsonArray(_keysAtCursor.Order(StringComparer.Ordinal).Select(k => (JsonNode)k).ToArray()),
            };
        }
    }

    /// <summary>Writes the boundary into a state: <c>{"cursor": "...", "ids": [...]}</c>.</summary>
    public void WriteTo(JsonObject state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (Cursor is { } cursor)
        {
            state["cursor"] = CursorValues.Write(cursor, CursorFormat.Iso8601);
            state["ids"] = new JsonArray(_keysAtCursor.Order(StringComparer.Ordinal).Select(k => (JsonNode)k).ToArray());
        }
    }
}
