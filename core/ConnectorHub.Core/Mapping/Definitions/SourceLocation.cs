namespace ConnectorHub.Core.Mapping.Definitions;

/// <summary>Where something is in a mapping file: the file, the line and column (1-based), and the key path.</summary>
/// <param name="File">The mapping file's name (or a label such as <c>preview</c>).</param>
/// <param name="Line">1-based line, 0 when unknown.</param>
/// <param name="Column">1-based column, 0 when unknown.</param>
/// <param name="Key">The key path, such as <c>fields.traits.email.normalize</c>.</param>
public sealed record SourceLocation(string File, int Line, int Column, string Key)
{
    /// <summary>A location with no position, for definitions built in code.</summary>
    public static SourceLocation InCode(string key) => new("(code)", 0, 0, key);

    /// <inheritdoc />
    public override string ToString() => Line > 0 ? $"{File} line {Line}, key '{Key}'" : $"{File}, key '{Key}'";
}
