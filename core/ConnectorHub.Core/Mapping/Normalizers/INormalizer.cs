using System.Text.Json.Nodes;

namespace ConnectorHub.Core.Mapping.Normalizers;

/// <summary>One step of a rule's normalizer chain. Stateless and safe to share across threads.</summary>
internal interface INormalizer
{
    /// <summary>The name used in mapping files and as a template helper.</summary>
    string Name { get; }

    /// <summary>Normalizes a value that is present (never null or blank).</summary>
    NormalizeResult Normalize(JsonNode value);
}
