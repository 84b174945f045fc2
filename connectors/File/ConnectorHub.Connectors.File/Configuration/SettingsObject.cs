using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Connectors.File.Configuration;

/// <summary>
/// Reads the settings of one JSON object of the configuration, naming each setting by its full path
/// (<c>streams[0].format</c>) in every error.
/// </summary>
internal sealed class SettingsObject(JsonObject values, string path)
{
    /// <summary>The path of this object in the configuration.</summary>
    public string Path { get; } = path;

    /// <summary>The full path of one setting of this object.</summary>
    public string PathOf(string name) => Path.Length == 0 ? name : $"{Path}.{name}";

    /// <summary>Throws when the object holds a setting not in <paramref name="known"/> (usually a typo).</summary>
    public void RejectUnknown(IReadOnlyCollection<string> known)
    {
        foreach (var (name, _) in values)
        {
            if (!known.Contains(name))
            {
                throw Invalid($"'{PathOf(name)}' is not a setting of this connector. Known settings{(Path.Length == 0 ? string.Empty : $" of {Path}")}: {string.Join(", ", known)}.");
            }
        }
    }

    /// <summary>A string setting, or null when absent.</summary>
    public string? String(string name) => values[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => throw Invalid($"'{PathOf(name)}' must be a string."),
    };

    /// <summary>A non-empty string setting; throws naming it when absent.</summary>
    public string RequiredString(string name, string hint)
    {
        var value = String(name);
        return string.IsNullOrWhiteSpace(value) ? throw Invalid($"'{PathOf(name)}' is required: {hint}.") : value;
    }

    /// <summary>A boolean setting, or <paramref name="defaultValue"/> when absent.</summary>
    public bool Boolean(string name, bool defaultValue) => values[name] switch
    {
        null => defaultValue,
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        _ => throw Invalid($"'{PathOf(name)}' must be true or false."),
    };

    /// <summary>An integer setting, or <paramref name="defaultValue"/> when absent.</summary>
    public int Integer(string name, int defaultValue) => values[name] switch
    {
        null => defaultValue,
        JsonValue v when v.TryGetValue(out int i) => i,
        JsonValue v when v.GetValueKind() == JsonValueKind.String
            && int.TryParse(v.GetValue<string>(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => throw Invalid($"'{PathOf(name)}' must be a whole number."),
    };

    /// <summary>A list of strings (a JSON array of strings, or one string), empty when absent.</summary>
    public IReadOnlyList<string> StringList(string name)
    {
        switch (values[name])
        {
            case null:
                return [];
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                return [v.GetValue<string>()];
            case JsonArray array:
                var items = new List<string>(array.Count);
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is not JsonValue item || item.GetValueKind() != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetValue<string>()))
                    {
                        throw Invalid($"'{PathOf(name)}[{i}]' must be a non-empty string (a column name).");
                    }

                    items.Add(item.GetValue<string>());
                }

                return items;
            default:
                throw Invalid($"'{PathOf(name)}' must be a list of column names, such as [\"id\"].");
        }
    }

    /// <summary>A configuration error with <paramref name="message"/> and a pointer to where to fix it.</summary>
    public static ConfigurationException Invalid(string message) =>
        new($"{message} Correct it in the connection's configuration.");
}
