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

    private CursorTracker(FieldPath field, TimeSpan lookback, DateTimeOffset? cursor, IEnumerable<string> keys)
    {
        _field = field;
        _lookback = lookback;
        _start = Cursor = cursor;
        _keysAtStart = new HashSet<string>(keys, StringComparer.Ordinal);
        _keysAtCursor = new HashSet<string>(_keysAtStart, StringComparer.Ordinal);
    }

    /// <summary>The highest cursor emitted (or the starting boundary), or null before any.</summary>
    public DateTimeOffset? Cursor { get; private set; }

    /// <summary>The lower bound the next query asks from: the cursor less the lookback.</summary>
    public DateTimeOffset? LowerBound => Cursor - _lookback;

    /// <summary>Reads the boundary from a state (a cursor written as text, or as epoch milliseconds by SDK 1 connectors); <paramref name="start"/> when it has none.</summary>
    public static CursorTracker From(JsonObject? state, FieldPath field, TimeSpan lookback, DateTimeOffset? start) => new(
        field ?? throw new ArgumentNullException(nameof(field)),
        lookback,
        CursorValues.Read(state?["cursor"]) ?? start,
        (state?["ids"] as JsonArray ?? []).Select(i => i?.ToString()).OfType<string>());

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

    /// <summary>Makes the highest cursor emitted the boundary of the next query (a new search window).</summary>
    public void Rebase()
    {
        _start = Cursor;
        _keysAtStart = new HashSet<string>(_keysAtCursor, StringComparer.Ordinal);
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
