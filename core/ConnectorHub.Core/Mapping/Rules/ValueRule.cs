using System.Text.Json.Nodes;
using ConnectorHub.Core.Mapping.Conditions;
using ConnectorHub.Core.Mapping.Definitions;
using ConnectorHub.Core.Mapping.Normalizers;
using ConnectorHub.Core.Mapping.Paths;
using ConnectorHub.Core.Mapping.Templates;
using ConnectorHub.Core.Mapping.Values;

namespace ConnectorHub.Core.Mapping.Rules;

/// <summary>
/// A compiled value rule: read (path, constant or template), fall back to the default, normalize, coerce. Everything
/// is resolved at compile time; per record it only walks the path and runs the chain.
/// </summary>
internal sealed class ValueRule
{
    public required SourcePath? Path { get; init; }

    public required JsonNode? Constant { get; init; }

    public required CompiledTemplate? Template { get; init; }

    public required JsonNode? Default { get; init; }

    public required Condition? When { get; init; }

    /// <summary>The normalizer chain followed by the type coercion, if any.</summary>
    public required INormalizer[] Steps { get; init; }

    public required bool Required { get; init; }

    public required FailureAction OnError { get; init; }

    /// <summary>Whether the value comes from the record (so an item made only of constants is not "from the source").</summary>
    public bool ReadsSource => Path is not null || Template is not null;

    public RuleResult Evaluate(JsonNode root, JsonNode? current)
    {
        if (When is not null && !When.Holds(root, current))
        {
            return RuleResult.Skipped;
        }

        JsonNode? value;
        if (Path is not null)
        {
            value = Path.Evaluate(root, current);
        }
        else if (Template is not null)
        {
            if (!Template.TryRender(current ?? root, out var text, out var error))
            {
                return Failure(error);
            }

            value = string.IsNullOrWhiteSpace(text) ? null : JsonValue.Create(text);
        }
        else
        {
            value = Constant?.DeepClone();
        }

        if (JsonScalar.IsMissing(value))
        {
            if (Default is null)
            {
                return MissingValue();
            }

            value = Default.DeepClone();
        }

        foreach (var step in Steps)
        {
            var result = step.Normalize(value!);
            if (result.Failed)
            {
                return Failure(result.Error!);
            }

            if (JsonScalar.IsMissing(result.Value))
            {
                return MissingValue();
            }

            value = result.Value;
        }

        // Values read straight from the record belong to it; the output gets its own copy.
        return RuleResult.Of(value!.Parent is null ? value : value.DeepClone());
    }

    private RuleResult Failure(string error) =>
        OnError == FailureAction.Skip ? MissingValue() : RuleResult.Fail(error);

    private RuleResult MissingValue()
    {
        if (!Required)
        {
            return RuleResult.Missing;
        }

        var source = Path is not null ? $"the source path '{Path.Text}' is missing or empty"
            : Template is not null ? "the template rendered nothing"
            : "the constant is empty";
        return RuleResult.Fail($"a required value is missing: {source}");
    }
}
