using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ConnectorHub.Connectors.File.Schema;

/// <summary>
/// Tells which <see cref="ColumnType"/> a text value fits, and converts it. The rules are strict on purpose: a
/// zip code such as <c>02134</c> or a phone number such as <c>+15551234567</c> stays text.
/// </summary>
internal static partial class ValueShape
{
    /// <summary>Whether <paramref name="value"/> (not empty) can be read as <paramref name="type"/>.</summary>
    public static bool Fits(string value, ColumnType type) => TryConvert(value, type, out _);

    /// <summary>
    /// Converts a non-empty <paramref name="value"/> to <paramref name="type"/>; false when it does not fit.
    /// Date-times stay text (JSON has no date type) once checked.
    /// </summary>
    public static bool TryConvert(string value, ColumnType type, out JsonNode? node)
    {
        ArgumentNullException.ThrowIfNull(value);
        node = null;
        switch (type)
        {
            case ColumnType.String:
                node = JsonValue.Create(value);
                return true;
            case ColumnType.Integer when IntegerText().IsMatch(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole):
                node = JsonValue.Create(whole);
                return true;
            case ColumnType.Number when NumberText().IsMatch(value):
                return TryConvertNumber(value, out node);
            case ColumnType.Boolean when bool.TryParse(value, out var flag):
                node = JsonValue.Create(flag);
                return true;
            case ColumnType.DateTime when DateTimeText().IsMatch(value)
                && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _):
                node = JsonValue.Create(value);
                return true;
            default:
                return false;
        }
    }

    private static bool TryConvertNumber(string value, out JsonNode? node)
    {
        // decimal keeps the digits exactly; only exponents beyond its range fall back to double.
        if (decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact))
        {
            node = JsonValue.Create(exact);
            return true;
        }

        var approximate = double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
        node = double.IsFinite(approximate) ? JsonValue.Create(approximate) : null;
        return node is not null;
    }

    /// <summary>The JSON Schema type keyword of <paramref name="type"/>.</summary>
    public static string JsonType(ColumnType type) => type switch
    {
        ColumnType.Integer => "integer",
        ColumnType.Number => "number",
        ColumnType.Boolean => "boolean",
        _ => "string",
    };

    [GeneratedRegex("^-?(0|[1-9][0-9]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerText();

    [GeneratedRegex("^-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberText();

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimeText();
}
