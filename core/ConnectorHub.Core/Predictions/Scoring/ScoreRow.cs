namespace ConnectorHub.Core.Predictions.Scoring;

/// <summary>A profile's new score, its value as the trait holds it (JSON) and its explanation (JSON).</summary>
internal sealed record ScoreRow(long ProfileId, double Score, string TraitJson, string ExplanationJson);
