namespace ConnectorHub.Core.Predictions.Models;

/// <summary>Creates or changes a predictive model.</summary>
public sealed record ModelRequest
{
    /// <summary>The trait its scores are written to (<c>churn_risk</c>); unique, and fixed once the model exists.</summary>
    public required string Trait { get; init; }

    /// <summary>What it predicts.</summary>
    public required PredictionKind Kind { get; init; }

    /// <summary>What it is for.</summary>
    public string? Description { get; init; }

    /// <summary>What it learns from; null takes the defaults.</summary>
    public ModelSettings? Settings { get; init; }

    /// <summary>A cron expression for training (with scoring); null trains on demand only.</summary>
    public string? Schedule { get; init; }

    /// <summary>The schedule's time zone (IANA or Windows id); null is UTC.</summary>
    public string? TimeZone { get; init; }
}
