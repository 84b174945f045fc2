using System.Globalization;

namespace ConnectorHub.Sandbox.Meta.Insights.Reporting;

/// <summary>Insights metric values are strings in Graph: counts as integers, money and ratios as decimals.</summary>
internal static class MetricText
{
    public static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Money(decimal value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    public static string Ratio(decimal value) => Math.Round(value, 6).ToString("0.######", CultureInfo.InvariantCulture);
}
