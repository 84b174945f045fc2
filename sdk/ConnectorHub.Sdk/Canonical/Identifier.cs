namespace ConnectorHub.Sdk.Canonical;

/// <summary>One identifier of a person: a type and a normalized value.</summary>
/// <param name="Type">The identifier type (see <see cref="IdentifierTypes"/>).</param>
/// <param name="Value">The normalized value.</param>
public sealed record Identifier(string Type, string Value)
{
    /// <inheritdoc />
    public override string ToString() => $"{Type}:{Value}";
}
