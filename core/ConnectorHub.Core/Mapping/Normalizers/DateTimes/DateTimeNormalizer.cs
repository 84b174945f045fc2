using System.Globalization;
using System.Text.Json.Nodes;

namespace ConnectorHub.Core.Mapping.Normalizers.DateTimes;

/// <summary>
/// <c>datetime</c>: a date and time to ISO 8601 with its UTC offset (<c>2024-03-05T14:00:00+00:00</c>). Inputs without a
/// zone are read in <paramref name="zone"/>; inputs with one keep their offset unless <paramref name="toUtc"/> is set.
/// </summary>
internal sealed class DateTimeNormalizer(TimeZoneInfo zone, DateOrder order, bool toUtc) : INormalizer
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz";

    public string Name => "datetime";

    public static string Render(DateTimeOffset value) => value.ToString(Format, CultureInfo.InvariantCulture);

    public NormalizeResult Normalize(JsonNode value)
    {
        if (!DateTimeParser.TryParse(value, order, out var parsed, out var error))
        {
            return NormalizeResult.Fail(error);
        }

        var instant = parsed.InZone(zone);
        return NormalizeResult.Of(Render(toUtc ? instant.ToUniversalTime() : instant));
    }
}
