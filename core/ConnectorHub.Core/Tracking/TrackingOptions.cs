namespace ConnectorHub.Core.Tracking;

/// <summary>
/// Settings of the Segment-compatible tracking API (section <c>ConnectorHub:Tracking</c>), validated at start. The size
/// limits default to Segment's documented ones.
/// </summary>
public sealed class TrackingOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ConnectorHub:Tracking";

    /// <summary>Largest single event, in bytes of JSON. Default 32 KB, as Segment.</summary>
    public int MaxEventBytes { get; set; } = 32 * 1024;

    /// <summary>Largest request body (a whole batch), in bytes. Default 500 KB, as Segment.</summary>
    public int MaxRequestBytes { get; set; } = 500 * 1024;

    /// <summary>Requests per second each tracking source may make, sustained. Default 1,000.</summary>
    public double RequestsPerSecond { get; set; } = 1_000;

    /// <summary>Requests a source may make at once above the sustained rate. Default 2,000.</summary>
    public int Burst { get; set; } = 2_000;

    /// <summary>Most events the writer commits in one transaction (group commit). Default 5,000.</summary>
    public int MaxEventsPerCommit { get; set; } = 5_000;

    /// <summary>Days events are kept (by event time); 0 keeps them forever. Default 0.</summary>
    public int RetentionDays { get; set; }

    /// <summary>
    /// The hub's address as web pages reach it (such as <c>https://hub.example.com</c>), for the browser snippet and
    /// the settings the browser library loads. Default: the address each request came to, which is right unless a
    /// proxy in front of the hub changes it.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>How often the retention job runs. Default every hour.</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);
}
