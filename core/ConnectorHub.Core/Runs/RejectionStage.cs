namespace ConnectorHub.Core.Runs;

/// <summary>Where in the pipeline a record was set aside.</summary>
public enum RejectionStage
{
    /// <summary>The source could not read it.</summary>
    Source,

    /// <summary>It failed mapping or canonical validation.</summary>
    Mapping,

    /// <summary>The target refused it.</summary>
    Destination,
}
