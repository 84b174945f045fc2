namespace ConnectorHub.Core.Activation;

/// <summary>One activation run: what changed, what was sent, what the destination did with it.</summary>
/// <param name="Id">The run's id.</param>
/// <param name="ActivationId">The activation.</param>
/// <param name="Trigger">What started it.</param>
/// <param name="Status">Running, Succeeded or Failed.</param>
/// <param name="Node">The hub node that ran it.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="FinishedAt">When it ended.</param>
/// <param name="Adds">Profiles sent as entering.</param>
/// <param name="Removes">Profiles sent as leaving.</param>
/// <param name="Updates">Present profiles re-sent because their data changed.</param>
/// <param name="Sent">Records sent.</param>
/// <param name="Accepted">Records the destination accepted.</param>
/// <param name="Rejected">Records it rejected (reason in the rejections).</param>
/// <param name="Retry">Records it asked to send again later.</param>
/// <param name="Deferred">Changes held back: an earlier failure waits for its backoff, or was given up.</param>
/// <param name="MatchRate">Accepted / sent, or null when nothing was sent.</param>
/// <param name="Error">Why the run failed, when it did.</param>
public sealed record DeliveryView(
    long Id,
    long ActivationId,
    ActivationTrigger Trigger,
    DeliveryStatus Status,
    string Node,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    long Adds,
    long Removes,
    long Updates,
    long Sent,
    long Accepted,
    long Rejected,
    long Retry,
    long Deferred,
    double? MatchRate,
    string? Error);
