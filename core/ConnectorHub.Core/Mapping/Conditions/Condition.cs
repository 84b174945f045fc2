using System.Text.Json.Nodes;

namespace ConnectorHub.Core.Mapping.Conditions;

/// <summary>A compiled <c>when</c>: tested against the record (<paramref name="root"/>) and the current element.</summary>
internal abstract class Condition
{
    public abstract bool Holds(JsonNode root, JsonNode? current);
}
