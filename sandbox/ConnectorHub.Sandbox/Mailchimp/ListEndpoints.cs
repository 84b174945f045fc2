using System.Globalization;
using System.Text.Json.Nodes;

namespace ConnectorHub.Sandbox.Mailchimp;

/// <summary>
/// Read endpoints: ping, lists, one list, its merge fields and its members (count/offset paging), with the fields and
/// <c>_links</c> the real API answers.
/// </summary>
internal sealed class ListEndpoints(MailchimpEmulator emulator)
{
    public static IResult Ping() => Results.Json(new JsonObject { ["health_status"] = "Everything's Chimpy!" });

    public IResult Lists(HttpRequest request)
    {
        var (count, offset) = Page(request);
        var lists = emulator.Lists;
        return Results.Json(new JsonObject
        {
            ["lists"] = new JsonArray(lists.Skip(offset).Take(count).Select(l => (JsonNode)l.ToJson(emulator.DataCenter)).ToArray()),
            ["total_items"] = lists.Count,
            ["constraints"] = new JsonObject { ["may_create"] = true, ["max_instances"] = 100, ["current_total_instances"] = lists.Count },
            ["_links"] = MailchimpLinks.ForCollection(emulator.DataCenter, "/lists", "Lists"),
        });
    }

    public IResult List(MailchimpList list) => Results.Json(list.ToJson(emulator.DataCenter));

    public static IResult MergeFields(MailchimpList list) => Results.Json(new JsonObject
    {
        ["merge_fields"] = new JsonArray(list.MergeFields.Select((f, i) => (JsonNode)new JsonObject
        {
            ["merge_id"] = i + 1,
            ["tag"] = f.Tag,
            ["name"] = f.Name,
            ["type"] = f.Type,
            ["required"] = f.Required,
            ["default_value"] = string.Empty,
            ["public"] = true,
            ["display_order"] = i + 2,
            ["list_id"] = list.Id,
        }).ToArray()),
        ["list_id"] = list.Id,
        ["total_items"] = list.MergeFields.Count,
    });

    public IResult Members(MailchimpList list, HttpRequest request)
    {
        var (count, offset) = Page(request);
        var status = request.Query["status"].ToString();
        var members = list.Members.Where(m => status.Length == 0 || m.Status == status).OrderBy(m => m.SignedUpAt).ThenBy(m => m.Id, StringComparer.Ordinal).ToList();
        return Results.Json(new JsonObject
        {
            ["members"] = new JsonArray(members.Skip(offset).Take(count).Select(m => (JsonNode)m.ToJson(list.Id, emulator.DataCenter)).ToArray()),
            ["list_id"] = list.Id,
            ["total_items"] = members.Count,
            ["_links"] = MailchimpLinks.ForCollection(emulator.DataCenter, $"/lists/{list.Id}/members", "Lists/Members"),
        });
    }

    private static (int Count, int Offset) Page(HttpRequest request)
    {
        var count = int.TryParse(request.Query["count"], CultureInfo.InvariantCulture, out var c) ? Math.Clamp(c, 1, 1000) : 10;
        var offset = int.TryParse(request.Query["offset"], CultureInfo.InvariantCulture, out var o) ? Math.Max(0, o) : 0;
        return (count, offset);
    }
}
