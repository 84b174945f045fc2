using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Streams.Records;

namespace ConnectorHub.Sdk.Streams.Incremental;

/// <summary>
/// The incremental boundary of one stream (or partition): the highest cursor emitted and the keys emitted at exactly
/// that cursor. A record is new when its cursor is past the boundary, or at it with a key not emitted yet, so a
/// <c>&gt;=</c> query loses nothing and emits nothing twice.
/// </summary>
public sealed class CursorTracker
{
    private readonly HashSet<string> _keysAtCursor;
    private readonly FieldPath _field;
    private readonly TimeSpan _lookback;

    internal CursorTracker(FieldPath field, TimeSpan lookback, DateTimeOffset? cursor, IEnumerable<string> keys)
    {
        _field = field;
        _lookback = lookback;
        Cursor = cursor;
        _keysAtCursor = new HashSet<string>(keys, StringComparer.Ordinal);
    }

    /// <summary>The highest cursor emitted, or null before the first record.</summary>
    public DateTimeOffset? Cursor { get; private set; }

    /// <summary>The lower bound the next query asks from: the cursor less the lookback.</summary>
    public DateTimeOffset? LowerBound => Cursor - _lookback;

    /// <summary>Whether <paramref name="record"/> is to be emitted; notes it when it is.</summary>
    public bool Admit(JsonObject record, string key, string stream)
    {
        var value = CursorValues.Read(_field.SelectOne(record))
            ?? throw new ConnectorHub.Sdk.Errors.ConnectorInternalException($"Stream '{stream}': record {key} has no readable cursor at '{_field}'.");
        if (Cursor is { } cursor)
        {
            if (value < cursor - _lookback || (value == cursor && _keysAtCursor.Contains(key)))
            {
                return false;
            }
        }

        if (Cursor is null || value > Cursor)
        {
            Cursor = value;
            _keysAtCursor.Clear();
        }

        if (value == Cursor)
        {
            _keysAtCursor.Add(key);
        }

        return true;
    }

    /// <summary>The state of the boundary: <c>{"cursor": "...", "ids": [...]}</c>.</summary>
    public void WriteTo(JsonObject state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (Cursor is { } cursor)
        {
            state["cursor"] = CursorValues.Write(cursor, CursorFormat.Iso8601);
            state["ids"] = new JsonArray(_keysAtCursor.Order(StringComparer.Ordinal).Select(k => (JsonNode)k).ToArray());
        }
    }

    /// <summary>Reads the boundary from a state (a cursor written as text, or as epoch milliseconds by SDK 1 connectors); <paramref name="start"/> when it has none.</summary>
    public static CursorTracker From(JsonObject? state, FieldPath field, TimeSpan lookback, DateTimeOffset? start) => new(
        field,
        lookback,
        CursorValues.Read(state?["cursor"]) ?? start,
        (state?["ids"] as JsonArray ?? []).Select(i => i?.ToString()).OfType<string>());
}
