using System.Text.Json.Nodes;
using ConnectorHub.Sandbox.Meta.Graph;

namespace ConnectorHub.Sandbox.Meta.Insights.Endpoints;

/// <summary>
/// <c>GET /me/adaccounts</c>, <c>GET /act_{id}</c> and the <c>campaigns</c>, <c>adsets</c> and <c>ads</c> edges:
/// only the requested <c>fields</c> (<c>id</c> always), cursor paging.
/// </summary>
internal sealed class AccountEndpoints(MetaInsightsEmulator emulator)
{
    public async Task MineAsync(HttpContext context, string version)
    {
        if (await emulator.AuthorizeAsync(context, version) is not { } parameters)
        {
            return;
        }

        List<JsonObject> rows;
        lock (emulator.Gate)
        {
            rows = emulator.Data.Accounts.Values.OrderBy(a => a.Id, StringComparer.Ordinal).Select(a => Select(a.Fields(), parameters)).ToList();
        }

        await context.Response.WriteAsJsonAsync(GraphPaging.Page(context.Request, parameters, rows, emulator.Paging));
    }

    public async Task AccountAsync(HttpContext context, string version, string accountId)
    {
        if (await emulator.AuthorizeAsync(context, version) is not { } parameters)
        {
            return;
        }

        if (!emulator.Data.Accounts.TryGetValue(accountId, out var account))
        {
            await GraphError.UnknownObject("GET", $"act_{accountId}").WriteAsync(context.Response);
            return;
        }

        await context.Response.WriteAsJsonAsync(Select(account.Fields(), parameters));
    }

    public async Task EdgeAsync(HttpContext context, string version, string accountId, string edge)
    {
        if (await emulator.AuthorizeAsync(context, version) is not { } parameters)
        {
            return;
        }

        if (!emulator.Data.Accounts.ContainsKey(accountId))
        {
            await GraphError.UnknownObject("GET", $"act_{accountId}").WriteAsync(context.Response);
            return;
        }

        if (edge is not ("campaigns" or "adsets" or "ads"))
        {
            await new GraphError(2500, $"Unknown path components: /{edge}").WriteAsync(context.Response);
            return;
        }

        List<JsonObject> rows;
        lock (emulator.Gate)
        {
            var nodes = edge switch
            {
                "campaigns" => emulator.Data.Campaigns.Where(c => c.AccountId == accountId).Select(c => c.Fields()),
                "adsets" => emulator.Data.AdSets.Where(s => s.AccountId == accountId).Select(s => s.Fields()),
                _ => emulator.Data.Ads.Where(a => a.AccountId == accountId).Select(a => a.Fields()),
            };
            rows = nodes.Select(n => Select(n, parameters)).ToList();
        }

        await context.Response.WriteAsJsonAsync(GraphPaging.Page(context.Request, parameters, rows, emulator.Paging));
    }

    /// <summary>The node with only the requested fields (and its id); unknown fields are left out.</summary>
    private static JsonObject Select(IReadOnlyDictionary<string, JsonNode?> fields, GraphParameters parameters)
    {
        var wanted = (parameters.GetString("fields") ?? "id").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var json = new JsonObject();
        foreach (var name in wanted.Prepend("id").Distinct(StringComparer.Ordinal).Where(fields.ContainsKey))
        {
            json[name] = fields[name]?.DeepClone();
        }

        return json;
    }
}
