namespace ConnectorHub.Core.Mapping.Definitions;

/// <summary>One problem in a mapping file: where it is and what to change.</summary>
/// <param name="Location">The file, line and key.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record MappingDefinitionError(SourceLocation Location, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Location}: {Message}";
}
