using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace ConnectorHub.Sdk.Manifests;

/// <summary>
/// A node of a manifest with its position, read strictly: a missing key, a value of the wrong kind or a key that is
/// not expected is a <see cref="ManifestException"/> naming the file, line, column and what was expected.
/// </summary>
internal sealed class YamlNode(string file, YamlDotNet.RepresentationModel.YamlNode node, string where)
{
    public string Where => where;

    public ManifestException Error(string problem) => new(file, node.Start.Line, node.Start.Column, problem);

    public YamlNode? Optional(string key) =>
        Mapping().Children.FirstOrDefault(p => ((YamlScalarNode)p.Key).Value == key) is { Key: not null } pair
            ? new YamlNode(file, pair.Value, $"{where}.{key}")
            : null;

    public YamlNode Required(string key) => Optional(key) ?? throw Error($"{where} needs '{key}'.");

    public void AllowOnly(params string[] keys)
    {
        foreach (var (key, _) in Mapping().Children)
        {
            var name = ((YamlScalarNode)key).Value;
            if (!keys.Contains(name))
            {
                throw new ManifestException(file, key.Start.Line, key.Start.Column, $"{where} has an unknown key '{name}'; expected {string.Join(", ", keys)}.");
            }
        }
    }

    public string Text() => node is YamlScalarNode { Value: { } value } ? value : throw Error($"{where} must be a text value.");

    public string? OptionalText(string key) => Optional(key)?.Text();

    public int Int() => int.TryParse(Text(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw Error($"{where} must be a whole number; got '{Text()}'.");

    public bool Bool() => bool.TryParse(Text(), out var value) ? value : throw Error($"{where} must be true or false; got '{Text()}'.");

    public TimeSpan Duration()
    {
        var text = Text();
        var (number, unit) = (text.TrimEnd('s', 'm', 'h', 'd'), text[^1]);
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount >= 0
            ? unit switch
            {
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                'd' => TimeSpan.FromDays(amount),
                _ => TimeSpan.FromSeconds(amount),
            }
            : throw Error($"{where} must be a duration such as 30s, 5m, 1h or 1d; got '{text}'.");
    }

    public T Choice<T>(params (string Name, T Value)[] choices)
    {
        var text = Text();
        foreach (var (name, value) in choices)
        {
            if (name == text)
            {
                return value;
            }
        }

        throw Error($"{where} must be one of {string.Join(", ", choices.Select(c => c.Name))}; got '{text}'.");
    }

    public IReadOnlyList<YamlNode> Items() => node is YamlSequenceNode sequence
        ? sequence.Children.Select((child, i) => new YamlNode(file, child, $"{where}[{i}]")).ToArray()
        : throw Error($"{where} must be a list.");

    public IReadOnlyList<(string Key, YamlNode Value)> Entries() =>
        Mapping().Children.Select(p => (((YamlScalarNode)p.Key).Value ?? string.Empty, new YamlNode(file, p.Value, $"{where}.{((YamlScalarNode)p.Key).Value}"))).ToArray();

    /// <summary>The node as JSON (scalars typed as YAML 1.2's core schema reads them: numbers, booleans, null, text).</summary>
    public JsonNode? ToJson() => ToJson(node);

    private YamlMappingNode Mapping() => node as YamlMappingNode ?? throw Error($"{where} must be a mapping of keys to values.");

    private static JsonNode? ToJson(YamlDotNet.RepresentationModel.YamlNode yaml) => yaml switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(p => KeyValuePair.Create(((YamlScalarNode)p.Key).Value ?? string.Empty, ToJson(p.Value)))),
        YamlSequenceNode list => new JsonArray(list.Children.Select(ToJson).ToArray()),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } scalar => Plain(scalar.Value),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => null,
    };

    private static JsonNode? Plain(string? value) => value switch
    {
        null or "~" or "null" => null,
        "true" => JsonValue.Create(true),
        "false" => JsonValue.Create(false),
        _ when long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole) => JsonValue.Create(whole),
        _ when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) => JsonValue.Create(real),
        _ => JsonValue.Create(value),
    };
}
