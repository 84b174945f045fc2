using ConnectorHub.Core.Predictions.Models;

namespace ConnectorHub.Core.Predictions.Runs;

/// <summary>One training run of a model.</summary>
/// <param name="Id">Its id.</param>
/// <param name="ModelId">The model.</param>
/// <param name="Trigger">What started it.</param>
/// <param name="Status">Where it is, or how it ended.</param>
/// <param name="Node">The hub node that ran it.</param>
/// <param name="Version">The version it published (or was publishing); null when it did not beat its baseline.</param>
/// <param name="AsOf">The time it scored as of; its validation and training cutoffs lie one and two horizons before.</param>
/// <param name="Settings">The model's settings as it used them.</param>
/// <param name="Report">What it measured (null until validation is done).</param>
/// <param name="Reason">Why it was not published, or why it failed.</param>
/// <param name="Scored">Profiles scored so far.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="FinishedAt">When it ended.</param>
public sealed record ModelRunView(
    long Id,
    long ModelId,
    ModelRunTrigger Trigger,
    ModelRunStatus Status,
    string Node,
    int? Version,
    DateTimeOffset AsOf,
    ModelSettings Settings,
    RunReport? Report,
    string? Reason,
    long Scored,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt);
