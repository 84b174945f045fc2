namespace ConnectorHub.Sdk.Testing.Destinations;

/// <summary>The checks of <see cref="DestinationAcceptanceTests{TFixture}"/>; a fixture may skip one with a reason.</summary>
public enum DestinationCheck
{
    /// <summary>The spec is a valid JSON Schema with secrets marked.</summary>
    Spec,

    /// <summary>The check succeeds on the good config.</summary>
    CheckSucceeds,

    /// <summary>The check fails with a useful message on each bad config.</summary>
    CheckFails,

    /// <summary>A written batch gets exactly one result per record.</summary>
    OneResultPerRecord,

    /// <summary>No request the platform receives is larger than its batch limit.</summary>
    BatchLimits,

    /// <summary>Writes throttled with 429s complete.</summary>
    RateLimitedWrites,

    /// <summary>A replayed batch creates no duplicates at the platform.</summary>
    ReplayCreatesNoDuplicates,

    /// <summary>Rejected records carry the platform's reason.</summary>
    RejectionReasons,
}
