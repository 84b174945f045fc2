using System.Text.Json.Nodes;
using ConnectorHub.Connectors.MetaCustomAudiences.Hashing;

namespace ConnectorHub.Connectors.MetaCustomAudiences.Upload;

/// <summary>
/// Builds <c>payload={schema:[...], data:[[...]]}</c> for a set of rows: the schema holds only the keys the rows
/// use (in <see cref="MetaMatchKey.All"/> order), and a row without a value for a key sends <c>""</c>.
/// </summary>
internal static class UsersPayload
{
    public static JsonObject Build(IReadOnlyList<IReadOnlyDictionary<string, string>> rows)
    {
        var schema = MetaMatchKey.All.Where(key => rows.Any(row => row.ContainsKey(key))).ToArray();
        var data = new JsonArray();
        foreach (var row in rows)
        {
            data.Add(new JsonArray(schema.Select(key => (JsonNode?)JsonValue.Create(row.GetValueOrDefault(key, string.Empty))).ToArray()));
        }

        return new JsonObject
        {
            ["schema"] = new JsonArray(schema.Select(key => (JsonNode?)JsonValue.Create(key)).ToArray()),
            ["data"] = data,
        };
    }
}
