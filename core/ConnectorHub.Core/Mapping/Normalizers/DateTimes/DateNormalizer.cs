using System.Globalization;
using System.Text.Json.Nodes;

namespace ConnectorHub.Core.Mapping.Normalizers.DateTimes;

/// <summary>
/// <c>date</c>: a calendar date to ISO 8601 (<c>2024-03-05</c>). A time of day is dropped; the date is the one written
/// in the input (epoch times give the UTC date).
/// </summary>
internal sealed class DateNormalizer(DateOrder order) : INormalizer
{
    public string Name => "date";

    public static string Render(DateTime value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public NormalizeResult Normalize(JsonNode value) =>
        DateTimeParser.TryParse(value, order, out var parsed, out var error)
            ? NormalizeResult.Of(Render(parsed.Local))
            : NormalizeResult.Fail(error);
}
