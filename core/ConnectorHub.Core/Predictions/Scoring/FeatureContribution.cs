namespace ConnectorHub.Core.Predictions.Scoring;

/// <summary>One reason for a profile's score: a feature, the profile's value of it, and how far it moved the score.</summary>
/// <param name="Feature">The feature's name.</param>
/// <param name="Value">The profile's value of it (NaN is stored as null: no value).</param>
/// <param name="Contribution">Its contribution to the model's raw score: positive raises the churn risk or the predicted spend, negative lowers it.</param>
public sealed record FeatureContribution(string Feature, double? Value, double Contribution)
{
    /// <summary>The strongest <paramref name="count"/> non-zero contributions, by size.</summary>
    internal static FeatureContribution[] Top(IReadOnlyList<string> names, float[] values, float[] contributions, int count) =>
        Enumerable.Range(0, Math.Min(names.Count, contributions.Length))
            .Where(i => contributions[i] != 0 && float.IsFinite(contributions[i]))
            .OrderByDescending(i => Math.Abs(contributions[i])).ThenBy(i => i)
            .Take(count)
            .Select(i => new FeatureContribution(names[i], PredictionJson.Finite(Math.Round(values[i], 2)), Math.Round(contributions[i], 4)))
            .ToArray();
}
