using System.Globalization;
using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Sdk.Connectors;

/// <summary>
/// A connector's configuration values, as validated against its <see cref="ConnectorSpec"/>. Getters throw a
/// <see cref="ConfigurationException"/> naming the setting when a required value is missing or has the wrong type.
/// </summary>
public sealed class ConnectorConfig
{
    private readonly JsonObject _values;

    /// <summary>Wraps a configuration object. The object is copied so later changes to it are not seen.</summary>
    public ConnectorConfig(JsonObject values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = (JsonObject)values.DeepClone();
    }

    /// <summary>An empty configuration.</summary>
    public static ConnectorConfig Empty { get; } = new(new JsonObject());

    /// <summary>A copy of the raw configuration object.</summary>
    public JsonObject ToJson() => (JsonObject)_values.DeepClone();

    /// <summary>Whether the setting is present and not null.</summary>
    public bool Has(string name) => _values[name] is not null;

    /// <summary>The setting as a string, or <paramref name="defaultValue"/> when absent.</summary>
    public string? GetString(string name, string? defaultValue = null) => _values[name] switch
    {
        null => defaultValue,
        JsonValue v when v.TryGetValue(out string? s) => s,
        JsonValue v => v.ToJsonString(),
        _ => throw WrongType(name, "a string"),
    };

    /// <summary>The setting as a non-empty string; throws a configuration error naming it when absent.</summary>
    public string GetRequiredString(string name)
    {
        var value = GetString(name);
        return string.IsNullOrWhiteSpace(value)
            ? throw new ConfigurationException($"The setting '{name}' is required. Set it in the connection's configuration.")
            : value;
    }

    /// <summary>The setting as an integer, or <paramref name="defaultValue"/> when absent.</summary>
    public int GetInt32(string name, int defaultValue) => _values[name] switch
    {
        null => defaultValue,
        JsonValue v when v.TryGetValue(out int i) => i,
        // A host that builds the config in code may hold a whole number as a long (or a double such as 50.0).
        JsonValue v when v.TryGetValue(out long l) && l is >= int.MinValue and <= int.MaxValue => (int)l,
        JsonValue v when v.TryGetValue(out double d) && d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue => (int)d,
        JsonValue v when v.TryGetValue(out string? s) && int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => throw WrongType(name, "an integer"),
    };

    /// <summary>The setting as a boolean, or <paramref name="defaultValue"/> when absent.</summary>
    public bool GetBoolean(string name, bool defaultValue) => _values[name] switch
    {
        null => defaultValue,
        JsonValue v when v.TryGetValue(out bool b) => b,
        JsonValue v when v.TryGetValue(out string? s) && bool.TryParse(s, out var parsed) => parsed,
        _ => throw WrongType(name, "true or false"),
    };

    /// <summary>The setting as an absolute URI, or <paramref name="defaultValue"/> when absent.</summary>
    public Uri? GetUri(string name, Uri? defaultValue = null)
    {
        var text = GetString(name);
        if (text is null)
        {
            return defaultValue;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri)
            ? uri
            : throw new ConfigurationException($"The setting '{name}' must be an absolute URL such as https://example.com/path; got '{text}'.");
    }

    /// <summary>The setting as a list of strings (a JSON array, or a comma-separated string).</summary>
    public IReadOnlyList<string> GetStringList(string name) => _values[name] switch
    {
        null => [],
        JsonArray array => array.Select(item => item?.GetValue<string>() ?? string.Empty).Where(s => s.Length > 0).ToArray(),
        JsonValue v when v.TryGetValue(out string? s) => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        _ => throw WrongType(name, "a list of strings"),
    };

    /// <summary>The raw JSON node of a setting, or null.</summary>
    public JsonNode? GetNode(string name) => _values[name]?.DeepClone();

    /// <summary>A copy of this configuration with one setting replaced, for example a rotated refresh token.</summary>
    public ConnectorConfig With(string name, JsonNode? value)
    {
        var copy = ToJson();
        copy[name] = value?.DeepClone();
        return new ConnectorConfig(copy);
    }

    private static ConfigurationException WrongType(string name, string expected) =>
        new($"The setting '{name}' must be {expected}. Correct it in the connection's configuration.");
}
