using System.Globalization;
using System.Text.Json.Nodes;

namespace ConnectorHub.Connectors.Acme.Reading;

/// <summary>
/// Where an incremental read stands: the latest <c>updated_at</c> emitted, and the ids emitted at exactly that
/// instant. The next read asks for contacts updated at or after it (<c>&gt;=</c>, so a contact updated in that same
/// instant later is not lost) and skips those ids (so none is read twice).
/// </summary>
internal sealed class IncrementalState
{
    private const string UpdatedAtKey = "updated_at";
    private const string IdsKey = "ids";
    private readonly HashSet<string> _idsAtCursor;

    private IncrementalState(DateTimeOffset? updatedAt, IEnumerable<string> ids)
    {
        UpdatedAt = updatedAt;
        _idsAtCursor = new HashSet<string>(ids, StringComparer.Ordinal);
    }

    /// <summary>The cursor: the latest <c>updated_at</c> emitted, or null before the first read.</summary>
    public DateTimeOffset? UpdatedAt { get; private set; }

    public static IncrementalState From(JsonNode? state)
    {
        var text = state?[UpdatedAtKey]?.ToString();
        DateTimeOffset? updatedAt = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;
        var ids = (state?[IdsKey] as JsonArray ?? []).Select(id => id?.ToString()).OfType<string>();
        return new IncrementalState(updatedAt, ids);
    }

    /// <summary>Whether the contact was emitted before: older than the cursor, or at the cursor with a known id.</summary>
    public bool AlreadyEmitted(DateTimeOffset updatedAt, string id) =>
        UpdatedAt is { } cursor && (updatedAt < cursor || (updatedAt == cursor && _idsAtCursor.Contains(id)));

    /// <summary>Notes an emitted contact.</summary>
    public void Emitted(DateTimeOffset updatedAt, string id)
    {
        if (UpdatedAt is not { } cursor || updatedAt > cursor)
        {
            UpdatedAt = updatedAt;
            _idsAtCursor.Clear();
        }

        _idsAtCursor.Add(id);
    }

    public JsonObject ToJson() => new()
    {
        [UpdatedAtKey] = UpdatedAt?.ToString("O", CultureInfo.InvariantCulture),
        [IdsKey] = new JsonArray(_idsAtCursor.Order(StringComparer.Ordinal).Select(id => (JsonNode)id).ToArray()),
    };
}
