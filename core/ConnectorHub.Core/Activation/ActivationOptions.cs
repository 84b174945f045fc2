namespace ConnectorHub.Core.Activation;

/// <summary>How activations page, retry and sweep (section <c>ConnectorHub:Activation</c>).</summary>
public sealed class ActivationOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ConnectorHub:Activation";

    /// <summary>Profiles read from the database per page while computing a diff. Default 500.</summary>
    public int PageSize { get; set; } = 500;

    /// <summary>
    /// Records per write, at most; the destination's <c>MaxBatchSize</c> lowers it further. Default 10,000
    /// (so Meta's 10,000-row requests are filled, Mailchimp's 500 decide for Mailchimp).
    /// </summary>
    public int MaxBatchSize { get; set; } = 10_000;

    /// <summary>Times a rejected or to-retry record is sent before the hub gives up on it. Default 5.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait after a record's first failure before it is sent again; doubles per attempt. Default 1 min.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Longest wait between two attempts of a record. Default 1 h.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often this node looks for activations with records due for a retry, and queues them. Default 1 min.</summary>
    public TimeSpan RetrySweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often a running activation run renews its lease (its ledger row's heartbeat). Default 5 s.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A running activation run whose heartbeat is older than this is taken to be dead (its node crashed or stalled):
    /// the next run of the activation closes it and takes over. Default 60 s.
    /// </summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>When another run of the activation holds its lock, queue this request again after this long. Default 5 s.</summary>
    public TimeSpan BusyRetryDelay { get; set; } = TimeSpan.FromSeconds(5);
}
