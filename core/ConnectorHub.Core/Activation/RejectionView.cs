using ConnectorHub.Sdk.Destinations;

namespace ConnectorHub.Core.Activation;

/// <summary>A record the destination has not accepted yet: why, how often it was tried, and when it is tried next.</summary>
/// <param name="ProfileId">The profile.</param>
/// <param name="Operation">Add, Upsert or Remove.</param>
/// <param name="Outcome">The last answer: Rejected or Retry.</param>
/// <param name="Reason">The destination's reason.</param>
/// <param name="Attempts">Times sent.</param>
/// <param name="FirstFailedAt">When it first failed.</param>
/// <param name="LastFailedAt">When it last failed.</param>
/// <param name="NextAttemptAt">When the next run may send it again.</param>
/// <param name="GivenUp">Whether it reached the attempt cap (it is sent again only if its data changes).</param>
public sealed record RejectionView(
    long ProfileId,
    RecordOperation Operation,
    RecordOutcome Outcome,
    string? Reason,
    int Attempts,
    DateTimeOffset FirstFailedAt,
    DateTimeOffset LastFailedAt,
    DateTimeOffset NextAttemptAt,
    bool GivenUp);
