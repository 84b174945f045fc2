using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ConnectorHub.Sdk.Streams.Records;

namespace ConnectorHub.Sdk.Manifests;

/// <summary>
/// A manifest value with placeholders: <c>{{ config.api_key }}</c> is the connection's setting,
/// <c>{{ response.error.message }}</c> a field of a failed response (in error messages). Nothing else is evaluated.
/// </summary>
internal sealed partial class ManifestTemplate
{
    private readonly string _text;

    private ManifestTemplate(string text) => _text = text;

    public static ManifestTemplate Parse(YamlNode node, params string[] roots)
    {
        var text = node.Text();
        foreach (Match match in Placeholder().Matches(text))
        {
            var root = match.Groups[1].Value;
            if (!roots.Contains(root))
            {
                throw node.Error($"{node.Where} uses '{{{{ {root}.{match.Groups[2].Value} }}}}'; only {string.Join(" and ", roots.Select(r => $"{{{{ {r}.… }}}}"))} can be used here.");
            }
        }

        return new ManifestTemplate(text);
    }

    public static ManifestTemplate Literal(string text) => new(text);

    public string Render(JsonObject? config, JsonNode? response = null) => Placeholder().Replace(_text, match =>
    {
        var source = match.Groups[1].Value == "config" ? config : response;
        return FieldPath.Parse(match.Groups[2].Value).SelectText(source) ?? string.Empty;
    });

    [GeneratedRegex(@"\{\{\s*([a-z]+)\.([A-Za-z0-9_.\[\]*]+)\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
