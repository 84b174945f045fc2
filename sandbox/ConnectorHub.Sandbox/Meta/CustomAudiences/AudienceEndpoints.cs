using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ConnectorHub.Sandbox.Meta.Graph;

namespace ConnectorHub.Sandbox.Meta.CustomAudiences;

/// <summary>
/// Reading and creating audiences: <c>GET /v{NN}.0/{audience_id}</c> (with <c>fields</c>),
/// <c>GET /v{NN}.0/act_{account}/customaudiences</c> (cursor paging) and <c>POST</c> to the same edge.
/// </summary>
internal sealed class AudienceEndpoints(MetaCustomAudiencesEmulator emulator)
{
    public async Task GetNodeAsync(HttpContext context, string version, string node)
    {
        if (await emulator.AuthorizeAsync(context, version) is not { } parameters)
        {
            return;
        }

        if (node.StartsWith("act_", StringComparison.Ordinal) && emulator.HasAccount(node[4..]))
        {
            await context.Response.WriteAsJsonAsync(new JsonObject { ["id"] = node, ["account_id"] = node[4..], ["name"] = $"Sandbox ad account {node[4..]}" });
            return;
        }

        if (emulator.FindAudience(node) is not { } audience)
        {
            await GraphError.UnknownObject("GET", node).WriteAsync(context.Response);
            return;
        }

        await context.Response.WriteAsJsonAsync(Describe(audience, Fields(parameters)));
    }

    public async Task ListAsync(HttpContext context, string version, string accountId)
    {
        if (await emulator.AuthorizeAsync(context, version) is not { } parameters)
        {
            return;
        }

        if (!emulator.HasAccount(accountId))
        {
            await GraphError.UnknownObject("GET", $"act_{accountId}").WriteAsync(context.Response);
            return;
        }

        var limit = int.TryParse(parameters.GetString("limit"), CultureInfo.InvariantCulture, out var l) && l > 0 ? Math.Min(l, 500) : 25;
        var start = Cursor.Decode(parameters.GetString("after"));
        var all = emulator.AudiencesOf(accountId);
        var page = all.Skip(start).Take(limit).ToList();
        var fields = Fields(parameters);
        var response = new JsonObject { ["data"] = new JsonArray(page.Select(a => (JsonNode)Describe(a, fields)).ToArray()) };
        if (page.Count > 0)
        {
            var paging = new JsonObject { ["cursors"] = new JsonObject { ["before"] = Cursor.Encode(start), ["after"] = Cursor.Encode(start + page.Count) } };
            if (start + page.Count < all.Count)
            {
                paging["next"] = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.Path}?limit={limit}&after={Cursor.Encode(start + page.Count)}";
            }

            response["paging"] = paging;
        }

        await context.Response.WriteAsJsonAsync(response);
    }

    public async Task CreateAsync(HttpContext context, string version, string accountId)
    {
        if (await emulator.AuthorizeAsync(context, version) is not { } parameters)
        {
            return;
        }

        if (!emulator.HasAccount(accountId))
        {
            await GraphError.UnknownObject("POST", $"act_{accountId}").WriteAsync(context.Response);
            return;
        }

        if (string.IsNullOrWhiteSpace(parameters.GetString("name")))
        {
            await GraphError.InvalidParameter("The parameter name is required").WriteAsync(context.Response);
            return;
        }

        var audience = emulator.CreateAudience(accountId, parameters.GetString("name")!);
        await context.Response.WriteAsJsonAsync(new JsonObject { ["id"] = audience.Id });
    }

    private static string[] Fields(GraphParameters parameters) =>
        (parameters.GetString("fields") ?? "id").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The audience's fields; approximate counts are the exact count here (Meta rounds them).</summary>
    private static JsonObject Describe(CustomAudience audience, string[] fields)
    {
        var count = audience.Count;
        var known = new Dictionary<string, Func<JsonNode?>>(StringComparer.Ordinal)
        {
            ["name"] = () => audience.Name,
            ["account_id"] = () => audience.AccountId,
            ["subtype"] = () => "CUSTOM",
            ["customer_file_source"] = () => "USER_PROVIDED_ONLY",
            ["approximate_count_lower_bound"] = () => count,
            ["approximate_count_upper_bound"] = () => count,
            ["operation_status"] = () => new JsonObject { ["code"] = 200, ["description"] = "Normal" },
            ["delivery_status"] = () => new JsonObject { ["code"] = 200, ["description"] = "This audience is ready for use." },
            ["time_created"] = () => audience.CreatedAt.ToUnixTimeSeconds(),
            ["time_updated"] = () => audience.UpdatedAt.ToUnixTimeSeconds(),
        };
        var json = new JsonObject { ["id"] = audience.Id };
        foreach (var field in fields.Where(known.ContainsKey))
        {
            json[field] = known[field]();
        }

        return json;
    }

    private static class Cursor
    {
        public static string Encode(int index) => Convert.ToBase64String(Encoding.UTF8.GetBytes(index.ToString(CultureInfo.InvariantCulture)));

        public static int Decode(string? cursor)
        {
            try
            {
                return cursor is null ? 0 : int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(cursor)), CultureInfo.InvariantCulture);
            }
            catch (FormatException)
            {
                return 0;
            }
        }
    }
}
