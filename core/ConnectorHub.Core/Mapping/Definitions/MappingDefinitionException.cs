namespace ConnectorHub.Core.Mapping.Definitions;

/// <summary>A mapping file that cannot be read or compiled; <see cref="Errors"/> lists every problem found.</summary>
public sealed class MappingDefinitionException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    public MappingDefinitionException(IReadOnlyList<MappingDefinitionError> errors)
        : base(Describe(errors)) => Errors = errors;

    /// <summary>Creates an exception for one problem.</summary>
    public MappingDefinitionException(string message)
        : this([new MappingDefinitionError(SourceLocation.InCode(string.Empty), message)])
    {
    }

    /// <summary>Creates an exception for one problem.</summary>
    public MappingDefinitionException(string message, Exception innerException)
        : base(message, innerException) => Errors = [new MappingDefinitionError(SourceLocation.InCode(string.Empty), message)];

    /// <summary>Creates an exception with no details.</summary>
    public MappingDefinitionException()
        : this("The mapping is invalid.")
    {
    }

    /// <summary>Every problem, each with its file, line and key.</summary>
    public IReadOnlyList<MappingDefinitionError> Errors { get; }

    private static string Describe(IReadOnlyList<MappingDefinitionError> errors) => errors.Count switch
    {
        0 => "The mapping is invalid.",
        1 => errors[0].ToString(),
        _ => $"The mapping has {errors.Count} problems:{Environment.NewLine}" + string.Join(Environment.NewLine, errors.Select(e => "  " + e)),
    };
}
