using System.Text.Json.Nodes;

namespace ConnectorHub.Connectors.MetaAds.Accounts;

/// <summary>An ad account to read: its number, its time zone (insights dates are days in it) and its Graph node.</summary>
/// <param name="Id">The account number, without <c>act_</c>.</param>
/// <param name="TimeZone">The account's time zone (UTC when Meta does not say or the zone is unknown here).</param>
/// <param name="Node">The account as Graph returned it.</param>
internal sealed record AdAccount(string Id, TimeZoneInfo TimeZone, JsonObject Node)
{
    /// <summary>The fields read for every account.</summary>
    public const string Fields = "id,account_id,name,currency,timezone_name,account_status,business_name";

    public static AdAccount From(JsonObject node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var id = node["account_id"]?.GetValue<string>() ?? node["id"]!.GetValue<string>().Replace("act_", string.Empty, StringComparison.Ordinal);
        return new AdAccount(id, Zone(node["timezone_name"]?.GetValue<string>()), node);
    }

    /// <summary>The last complete day in the account's time zone at <paramref name="now"/>.</summary>
    public DateOnly Yesterday(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZone).DateTime).AddDays(-1);

    private static TimeZoneInfo Zone(string? name)
    {
        try
        {
            return name is null ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(name);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
