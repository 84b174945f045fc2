namespace ConnectorHub.Sdk.Schemas;

/// <summary>One way a JSON document breaks its schema.</summary>
/// <param name="Path">Where: the path of the bad field, such as <c>identifiers[0].value</c> (empty for the root).</param>
/// <param name="Message">What is wrong.</param>
public sealed record SchemaViolation(string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Path.Length == 0 ? Message : $"{Path}: {Message}";
}
