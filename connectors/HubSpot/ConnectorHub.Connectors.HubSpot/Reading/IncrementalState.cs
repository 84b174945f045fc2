using System.Globalization;
using System.Text.Json.Nodes;

namespace ConnectorHub.Connectors.HubSpot.Reading;

/// <summary>
/// Where an incremental read stands: the highest last-modified time emitted (epoch ms) and the ids emitted at
/// exactly that time. The next search asks for <c>GTE cursor</c> and skips those ids, so the boundary is neither
/// lost nor read twice.
/// </summary>
internal sealed class IncrementalState
{
    private const string CursorKey = "cursor";
    private const string IdsKey = "ids";
    private readonly HashSet<string> _idsAtCursor;

    private IncrementalState(long cursor, IEnumerable<string> ids)
    {
        Cursor = cursor;
        _idsAtCursor = new HashSet<string>(ids, StringComparer.Ordinal);
    }

    public long Cursor { get; private set; }

    public int IdsAtCursor => _idsAtCursor.Count;

    public static IncrementalState From(JsonNode? state)
    {
        var cursor = state?[CursorKey] is JsonValue v && long.TryParse(v.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) ? ms : 0;
        var ids = (state?[IdsKey] as JsonArray ?? []).Select(i => i?.ToString()).OfType<string>();
        return new IncrementalState(cursor, ids);
    }

    /// <summary>A state whose cursor lies at <paramref name="time"/> (used for a state "from the future").</summary>
    public static JsonObject At(DateTimeOffset time) => new() { [CursorKey] = time.ToUnixTimeMilliseconds(), [IdsKey] = new JsonArray() };

    /// <summary>Whether the object was already emitted at the boundary.</summary>
    public bool AlreadyEmitted(long modified, string id) => modified < Cursor || (modified == Cursor && _idsAtCursor.Contains(id));

    /// <summary>Notes an emitted object.</summary>
    public void Emitted(long modified, string id)
    {
        if (modified > Cursor)
        {
            Cursor = modified;
            _idsAtCursor.Clear();
        }

        _idsAtCursor.Add(id);
    }

    public JsonObject ToJson() => new()
    {
        [CursorKey] = Cursor,
        [IdsKey] = new JsonArray(_idsAtCursor.Order(StringComparer.Ordinal).Select(id => (JsonNode)id).ToArray()),
    };
}
