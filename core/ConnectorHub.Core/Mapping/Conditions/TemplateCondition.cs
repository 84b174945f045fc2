using System.Text.Json.Nodes;
using ConnectorHub.Core.Mapping.Templates;

namespace ConnectorHub.Core.Mapping.Conditions;

/// <summary>The template renders something other than blank, <c>false</c> or <c>0</c> (a failing template does not hold).</summary>
internal sealed class TemplateCondition(CompiledTemplate template) : Condition
{
    public override bool Holds(JsonNode root, JsonNode? current)
    {
        if (!template.TryRender(current ?? root, out var output, out _))
        {
            return false;
        }

        var text = output.Trim();
        return text.Length > 0 && !text.Equals("false", StringComparison.OrdinalIgnoreCase) && text != "0";
    }
}
