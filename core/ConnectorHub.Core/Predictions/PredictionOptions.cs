namespace ConnectorHub.Core.Predictions;

/// <summary>How training runs guard their model and bound their memory (section <c>ConnectorHub:Predictions</c>).</summary>
public sealed class PredictionOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ConnectorHub:Predictions";

    /// <summary>
    /// A run whose node was not heard from for this long is closed as failed by the next run of its model, which takes
    /// over; the stalled node writes nothing more when it wakes. On PostgreSQL a write transaction left idle this long
    /// is also ended by the server. Default 2 minutes; keep it well above <see cref="HeartbeatInterval"/>.
    /// </summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often a running training renews its lease. Default 15 s.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Profiles scored per write transaction. Default 5,000.</summary>
    public int ScoreBatchSize { get; set; } = 5_000;

    /// <summary>
    /// Training examples kept in memory, at most: with more eligible customers a uniform sample of this many is drawn
    /// (reproducibly) while the rest stream past. The validation window keeps as many. Default 200,000.
    /// </summary>
    public int MaxExamples { get; set; } = 200_000;

    /// <summary>
    /// The fewest examples in each window, and the fewest of each outcome (churned and stayed; spent and did not), for a
    /// run to train: with fewer, it ends NotPublished saying how many it had. Default 200 examples, 20 of each outcome.
    /// </summary>
    public int MinimumExamples { get; set; } = 200;

    /// <summary>The fewest examples of each outcome; see <see cref="MinimumExamples"/>. Default 20.</summary>
    public int MinimumPerOutcome { get; set; } = 20;
}
