using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Sdk.Streams.Records;

/// <summary>Picks a page's records out of its body by a <see cref="FieldPath"/> (an array, or objects the path reaches).</summary>
public sealed class RecordSelector
{
    private readonly FieldPath _path;

    /// <summary>Creates a selector for <paramref name="path"/> (for example <c>results</c> or <c>data</c>).</summary>
    public RecordSelector(string path) => _path = FieldPath.Parse(path);

    /// <summary>The path the records are at.</summary>
    public string Path => _path.Text;

    /// <summary>
    /// The records of <paramref name="body"/>, each detached from the page so it owns its JSON. A body where the path
    /// reaches nothing has no records; a value that is not an object is an error naming the stream.
    /// </summary>
    public IReadOnlyList<JsonObject> Select(JsonNode? body, string stream)
    {
        var found = _path.Select(body).ToArray();
        JsonNode?[] items;
        if (found.Length == 1 && found[0] is JsonArray array)
        {
            items = array.ToArray();
            array.Clear(); // detaches every record at once, so each owns its JSON
        }
        else
        {
            items = found;
        }
        var records = new List<JsonObject>(items.Length);
        foreach (var item in items)
        {
            records.Add(item switch
            {
                JsonObject obj => obj,
                null => throw new ConnectorInternalException($"Stream '{stream}': the page has a null where a record was expected at '{Path}'."),
                _ => throw new ConnectorInternalException($"Stream '{stream}': the page holds {item.GetValueKind()} at '{Path}' where a record (an object) was expected."),
            });
        }

        foreach (var record in records.Where(r => r.Parent is not null))
        {
            Detach(record);
        }

        return records;
    }

    private static void Detach(JsonObject record)
    {
        switch (record.Parent)
        {
            case JsonArray parent:
                parent[parent.IndexOf(record)] = null;
                break;
            case JsonObject parent:
                var key = parent.First(p => ReferenceEquals(p.Value, record)).Key;
                parent[key] = null;
                break;
        }
    }
}
