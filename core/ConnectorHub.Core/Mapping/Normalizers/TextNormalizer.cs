using System.Text.Json.Nodes;
using ConnectorHub.Core.Mapping.Values;

namespace ConnectorHub.Core.Mapping.Normalizers;

/// <summary>A normalizer of scalar text (numbers and booleans are read as their text).</summary>
internal abstract class TextNormalizer : INormalizer
{
    public abstract string Name { get; }

    public NormalizeResult Normalize(JsonNode value)
    {
        if (!JsonScalar.TryGetText(value, out var text))
        {
            return NormalizeResult.Fail($"{Name} expects a text value, got {JsonScalar.Describe(value)}");
        }

        return NormalizeText(text);
    }

    /// <summary>Normalizes the value's text; a blank result means the value is missing.</summary>
    protected abstract NormalizeResult NormalizeText(string text);
}
