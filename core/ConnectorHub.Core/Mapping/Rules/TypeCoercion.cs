using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectorHub.Core.Mapping.Definitions;
using ConnectorHub.Core.Mapping.Normalizers;
using ConnectorHub.Core.Mapping.Normalizers.DateTimes;
using ConnectorHub.Core.Mapping.Values;

namespace ConnectorHub.Core.Mapping.Rules;

/// <summary>Coerces a rule's value to its declared <c>type</c>, as the last step of the rule.</summary>
internal sealed class TypeCoercion(TargetType type, NormalizerDefaults defaults) : INormalizer
{
    private readonly INormalizer? _dates = type switch
    {
        TargetType.Date => new DateNormalizer(defaults.Order),
        TargetType.DateTime => new DateTimeNormalizer(defaults.Zone, defaults.Order, toUtc: false),
        _ => null,
    };

    public string Name => "type";

    public NormalizeResult Normalize(JsonNode value) => type switch
    {
        TargetType.Text => JsonScalar.TryGetText(value, out var text)
            ? NormalizeResult.Of(text)
            : Fail(value, "a single value, not an object or a list"),
        TargetType.Number => JsonScalar.TryGetDecimal(value, out var number)
            ? NormalizeResult.Of(JsonValue.Create(number))
            : Fail(value, "a number"),
        TargetType.WholeNumber => JsonScalar.TryGetDecimal(value, out var whole) && decimal.Truncate(whole) == whole && whole is >= long.MinValue and <= long.MaxValue
            ? NormalizeResult.Of(JsonValue.Create((long)whole))
            : Fail(value, "a whole number"),
        TargetType.Boolean => ToBoolean(value),
        _ => _dates!.Normalize(value),
    };

    private static NormalizeResult ToBoolean(JsonNode value)
    {
        if (value is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return NormalizeResult.Of(JsonValue.Create(v.GetValueKind() == JsonValueKind.True));
        }

        if (!JsonScalar.TryGetText(value, out var text))
        {
            return Fail(value, "true or false");
        }

        return text.Trim().ToLowerInvariant() switch
        {
            "true" or "yes" or "y" or "1" or "on" or "t" => NormalizeResult.Of(JsonValue.Create(true)),
            "false" or "no" or "n" or "0" or "off" or "f" => NormalizeResult.Of(JsonValue.Create(false)),
            _ => Fail(value, "true or false (or yes/no, 1/0)"),
        };
    }

    private static NormalizeResult Fail(JsonNode value, string expected) =>
        NormalizeResult.Fail(string.Create(CultureInfo.InvariantCulture, $"{JsonScalar.Describe(value)} is not {expected}"));
}
