using System.Text.Json.Nodes;
using ConnectorHub.Core.Mapping.Normalizers;
using ConnectorHub.Core.Mapping.Normalizers.Countries;
using ConnectorHub.Core.Mapping.Normalizers.DateTimes;

namespace ConnectorHub.Core.Tests.Mapping.Normalizers;

/// <summary>Runs a built-in normalizer by name, as a mapping rule would.</summary>
internal static class Normalize
{
    public static NormalizeResult Run(string name, JsonNode value, Dictionary<string, string>? arguments = null, NormalizerDefaults? defaults = null) =>
        NormalizerCatalog.Create(name, arguments ?? [], defaults ?? NormalizerDefaults.Utc).Normalize(value);

    /// <summary>The normalized text; fails the test with the normalizer's error if it failed.</summary>
    public static string? Text(string name, JsonNode value, Dictionary<string, string>? arguments = null, NormalizerDefaults? defaults = null)
    {
        var result = Run(name, value, arguments, defaults);
        Assert.False(result.Failed, result.Error);
        return result.Value is JsonValue output && output.TryGetValue<string>(out var text) ? text : result.Value?.ToJsonString();
    }

    public static string Error(string name, JsonNode value, Dictionary<string, string>? arguments = null, NormalizerDefaults? defaults = null)
    {
        var result = Run(name, value, arguments, defaults);
        Assert.True(result.Failed, $"expected {name} to fail on {value.ToJsonString()}, got {result.Value?.ToJsonString()}");
        return result.Error!;
    }

    public static NormalizerDefaults In(string? region = null, string zone = "UTC", string? currency = null, DateOrder? order = null)
    {
        var country = region is null ? null : CountryTable.ByAlpha2(region);
        return new NormalizerDefaults(country, TimeZoneInfo.FindSystemTimeZoneById(zone), currency, order ?? NormalizerDefaults.OrderFor(country));
    }
}
