using ConnectorHub.Core.Mapping.Definitions;

namespace ConnectorHub.Core.Mapping;

/// <summary>Why a record was set aside: which rule, which output field, and what is wrong.</summary>
/// <param name="Rule">The rule as written under <c>fields</c>, such as <c>traits.phone</c> or <c>identifiers[][1].value</c>.</param>
/// <param name="Field">The output field, with list positions, such as <c>line_items[2].quantity</c>.</param>
/// <param name="Message">What is wrong with the value, in words a user can act on.</param>
public sealed record MappingError(string Rule, string Field, string Message)
{
    /// <summary>Where the rule is written, when known.</summary>
    public SourceLocation? Location { get; init; }

    /// <inheritdoc />
    public override string ToString()
    {
        var where = Location is { Line: > 0 } location ? $" ({location.File} line {location.Line})" : string.Empty;
        return $"rule '{Rule}'{where}, field '{Field}': {Message}";
    }
}
