namespace ConnectorHub.Core.Predictions.Models;

/// <summary>A predictive model as stored, with its published version.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Trait">The trait its scores are written to.</param>
/// <param name="Kind">What it predicts.</param>
/// <param name="Description">What it is for.</param>
/// <param name="Settings">What it learns from.</param>
/// <param name="Schedule">Its training schedule (cron), or null for on demand only.</param>
/// <param name="TimeZone">The schedule's time zone; null is UTC.</param>
/// <param name="PublishedRunId">The run whose scores the trait holds; null before the first publication.</param>
/// <param name="PublishedVersion">That run's version.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
public sealed record ModelView(
    long Id,
    string Trait,
    PredictionKind Kind,
    string? Description,
    ModelSettings Settings,
    string? Schedule,
    string? TimeZone,
    long? PublishedRunId,
    int? PublishedVersion,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
