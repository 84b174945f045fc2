namespace ConnectorHub.Core.Mapping.Normalizers;

/// <summary>Turns a blank normalizer result into a missing value.</summary>
internal static class Blank
{
    public static NormalizeResult OrValue(string text) =>
        string.IsNullOrWhiteSpace(text) ? NormalizeResult.Missing : NormalizeResult.Of(text);
}
