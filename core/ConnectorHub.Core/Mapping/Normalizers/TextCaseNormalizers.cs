namespace ConnectorHub.Core.Mapping.Normalizers;

/// <summary><c>trim</c>: removes leading and trailing white space.</summary>
internal sealed class TrimNormalizer : TextNormalizer
{
    public override string Name => "trim";

    protected override NormalizeResult NormalizeText(string text) => Blank.OrValue(text.Trim());
}

/// <summary><c>lowercase</c>: lower case (invariant culture).</summary>
internal sealed class LowercaseNormalizer : TextNormalizer
{
    public override string Name => "lowercase";

    protected override NormalizeResult NormalizeText(string text) => Blank.OrValue(text.ToLowerInvariant());
}

/// <summary><c>uppercase</c>: upper case (invariant culture).</summary>
internal sealed class UppercaseNormalizer : TextNormalizer
{
    public override string Name => "uppercase";

    protected override NormalizeResult NormalizeText(string text) => Blank.OrValue(text.ToUpperInvariant());
}
