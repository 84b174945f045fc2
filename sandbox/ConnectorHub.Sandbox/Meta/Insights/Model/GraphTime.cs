using System.Globalization;

namespace ConnectorHub.Sandbox.Meta.Insights.Model;

/// <summary>Graph API datetimes as Meta writes them: <c>2024-03-01T10:00:00+0000</c>.</summary>
public static class GraphTime
{
    /// <summary>Writes <paramref name="time"/> in UTC with Meta's offset style.</summary>
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "+0000";

    /// <summary>A date as <c>YYYY-MM-DD</c>.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
