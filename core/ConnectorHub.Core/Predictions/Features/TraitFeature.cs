namespace ConnectorHub.Core.Predictions.Features;

/// <summary>How a selected trait becomes features: one number, or one indicator per frequent text value.</summary>
/// <param name="Trait">The trait's name.</param>
/// <param name="Categories">Null for a number (booleans read as 1 and 0); for text, the lower-cased values that get an indicator.</param>
internal sealed record TraitFeature(string Trait, IReadOnlyList<string>? Categories)
{
    /// <summary>The feature names it adds, in vector order.</summary>
    public IEnumerable<string> Names => Categories is null ? [$"trait {Trait}"] : Categories.Select(c => $"trait {Trait} = {c}");

    /// <summary>How many features it adds.</summary>
    public int Width => Categories?.Count ?? 1;

    /// <summary>Writes its features for a value (number, or lower-cased text; both null when the profile has none).</summary>
    public void Write(Span<float> target, double? number, string? text)
    {
        if (Categories is null)
        {
            target[0] = number is { } n ? (float)n : text switch { "true" => 1, "false" => 0, _ => float.NaN };
            return;
        }

        for (var i = 0; i < Categories.Count; i++)
        {
            target[i] = text is not null && string.Equals(Categories[i], text, StringComparison.Ordinal) ? 1 : 0;
        }
    }
}
