using System.Text.Json.Nodes;

namespace ConnectorHub.Sandbox.Mailchimp;

/// <summary>
/// The <c>_links</c> (HATEOAS) Mailchimp puts on every resource: absolute URLs on the data center's API host, with
/// the method and the JSON schema of each, as the real API answers them.
/// </summary>
internal static class MailchimpLinks
{
    public static JsonArray ForList(string dataCenter, string listId) => Links(dataCenter, $"/lists/{listId}", "Lists",
        ("self", "", "GET", "Response", null),
        ("parent", "/lists", "GET", "CollectionResponse", "Paths/Lists/Collection"),
        ("update", "", "PATCH", "Response", "Definitions/Lists/PATCH"),
        ("batch-sub-unsub-members", "", "POST", "BatchPOST-Response", "Definitions/Lists/BatchPOST"),
        ("delete", "", "DELETE", null, null),
        ("members", "/members", "GET", "Members/CollectionResponse", "Paths/Lists/Members/Collection"),
        ("merge-fields", "/merge-fields", "GET", "MergeFields/CollectionResponse", "Paths/Lists/MergeFields/Collection"));

    public static JsonArray ForMember(string dataCenter, string listId, string hash) => Links(dataCenter, $"/lists/{listId}/members/{hash}", "Lists/Members",
        ("self", "", "GET", "Response", null),
        ("parent", $"/lists/{listId}/members", "GET", "CollectionResponse", "Paths/Lists/Members/Collection"),
        ("update", "", "PATCH", "Response", "Definitions/Lists/Members/PATCH"),
        ("upsert", "", "PUT", "Response", "Definitions/Lists/Members/PUT"),
        ("delete", "", "DELETE", null, null),
        ("tags", "/tags", "POST", null, "Definitions/Lists/Members/Tags/POST"),
        ("delete_permanent", "/actions/delete-permanent", "POST", null, null));

    public static JsonArray ForCollection(string dataCenter, string path, string schema) => Links(dataCenter, path, schema,
        ("self", "", "GET", "CollectionResponse", $"Paths/{schema}/Collection"),
        ("create", "", "POST", "Response", $"Definitions/{schema}/POST"));

    private static JsonArray Links(string dataCenter, string path, string schema, params (string Rel, string Href, string Method, string? Target, string? Schema)[] links)
    {
        var api = $"https://{dataCenter}.api.mailchimp.com/3.0";
        var definitions = $"https://{dataCenter}.api.mailchimp.com/schema/3.0";
        return new JsonArray(links.Select(l =>
        {
            var link = new JsonObject
            {
                ["rel"] = l.Rel,
                ["href"] = api + (l.Href.StartsWith('/') && l.Rel == "parent" ? l.Href : path + l.Href),
                ["method"] = l.Method,
            };
            if (l.Target is not null)
            {
                link["targetSchema"] = $"{definitions}/Definitions/{schema}/{l.Target}.json";
            }

            if (l.Schema is not null)
            {
                link["schema"] = $"{definitions}/{l.Schema}.json";
            }

            return (JsonNode)link;
        }).ToArray());
    }
}
