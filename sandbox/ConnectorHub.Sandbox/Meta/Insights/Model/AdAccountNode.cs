using System.Text.Json.Nodes;

namespace ConnectorHub.Sandbox.Meta.Insights.Model;

/// <summary>An ad account (<c>act_{id}</c>).</summary>
/// <param name="Id">The account number, without <c>act_</c>.</param>
/// <param name="Name">The account's name.</param>
/// <param name="Currency">ISO 4217 currency of its spend.</param>
/// <param name="TimezoneName">IANA time zone its dates are in.</param>
public sealed record AdAccountNode(string Id, string Name, string Currency, string TimezoneName)
{
    /// <summary>The fields Graph knows for an ad account.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Fields() => new Dictionary<string, JsonNode?>(StringComparer.Ordinal)
    {
        ["id"] = $"act_{Id}",
        ["account_id"] = Id,
        ["name"] = Name,
        ["currency"] = Currency,
        ["timezone_name"] = TimezoneName,
        ["account_status"] = 1,
        ["business_name"] = "Sandbox Coffee Co.",
    };
}
