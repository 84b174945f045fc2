namespace ConnectorHub.Core.Predictions.Runs;

/// <summary>Where a training run is, or how it ended.</summary>
public enum ModelRunStatus
{
    /// <summary>Training, validating or scoring; the row is the run's lease on its model.</summary>
    Running,

    /// <summary>It beat its baseline; its scores are the model's trait now.</summary>
    Published,

    /// <summary>It did not beat its baseline (or the history was too short to tell); the reason says which, and the previous version's scores stay.</summary>
    NotPublished,

    /// <summary>It stopped on an error, or its node stopped; the reason says which, and the previous version's scores stay.</summary>
    Failed,
}

/// <summary>What started a training run.</summary>
public enum ModelRunTrigger
{
    /// <summary>The model's schedule.</summary>
    Schedule,

    /// <summary>An admin, from the dashboard or the API.</summary>
    Manual,
}
