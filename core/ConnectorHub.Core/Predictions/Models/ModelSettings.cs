namespace ConnectorHub.Core.Predictions.Models;

/// <summary>What a model learns from and how: its horizon, the behaviour and traits it reads, and the size of its trees.</summary>
public sealed record ModelSettings
{
    /// <summary>The default <see cref="EventWindows"/>.</summary>
    public static readonly IReadOnlyList<int> DefaultEventWindows = [7, 30, 90];

    /// <summary>
    /// N: the model predicts the next N days. Validation labels come from the last N days, training labels from the
    /// N days before those, so the hub needs at least 2N days of orders. Default 90.
    /// </summary>
    public int HorizonDays { get; init; } = 90;

    /// <summary>Event names counted per window; empty (default): the 10 most frequent names in the training window.</summary>
    public IReadOnlyList<string> Events { get; init; } = [];

    /// <summary>The windows (days before the cutoff) events are counted in. Default 7, 30 and 90.</summary>
    public IReadOnlyList<int> EventWindows { get; init; } = DefaultEventWindows;

    /// <summary>
    /// Profile traits read as features: numbers and booleans as they are, text as one indicator per frequent value.
    /// Only a value observed before a cutoff counts at that cutoff (traits keep no history).
    /// </summary>
    public IReadOnlyList<string> Traits { get; init; } = [];

    /// <summary>Boosted trees. Default 100.</summary>
    public int Trees { get; init; } = 100;

    /// <summary>Leaves per tree. Default 16.</summary>
    public int Leaves { get; init; } = 16;

    /// <summary>The fewest training examples a leaf holds. Default 20.</summary>
    public int MinimumExamplesPerLeaf { get; init; } = 20;
}
