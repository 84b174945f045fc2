using ConnectorHub.Core.Mapping.Normalizers.Countries;
using ConnectorHub.Core.Mapping.Normalizers.DateTimes;

namespace ConnectorHub.Core.Mapping.Normalizers;

/// <summary>A mapping's settings, checked and resolved once at compile time.</summary>
internal sealed record NormalizerDefaults(Country? Region, TimeZoneInfo Zone, string? Currency, DateOrder Order)
{
    public static NormalizerDefaults Utc { get; } = new(null, TimeZoneInfo.Utc, null, DateOrder.MonthFirst);

    private static readonly HashSet<string> MonthFirstRegions = new(StringComparer.Ordinal)
    {
        "US", "PH", "FM", "MH", "PW", "AS", "GU", "MP", "PR", "VI", "UM",
    };

    /// <summary>Month first unless the default region writes dates day first.</summary>
    public static DateOrder OrderFor(Country? region) =>
        region is null || MonthFirstRegions.Contains(region.Alpha2) ? DateOrder.MonthFirst : DateOrder.DayFirst;

    public static bool TryParseOrder(string text, out DateOrder order)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "mdy" or "month_first":
                order = DateOrder.MonthFirst;
                return true;
            case "dmy" or "day_first":
                order = DateOrder.DayFirst;
                return true;
            default:
                order = DateOrder.MonthFirst;
                return false;
        }
    }

    public static bool TryFindZone(string id, out TimeZoneInfo zone, out string error)
    {
        error = string.Empty;
        if (TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var found))
        {
            zone = found;
            return true;
        }

        zone = TimeZoneInfo.Utc;
        error = $"'{id}' is not a known IANA time zone (such as Europe/London or America/New_York)";
        return false;
    }
}
