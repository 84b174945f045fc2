namespace ConnectorHub.Sdk.Destinations;

/// <summary>What happened to one record.</summary>
public enum RecordOutcome
{
    /// <summary>The destination accepted the record.</summary>
    Accepted,

    /// <summary>The destination refused the record for a reason that a retry will not fix (invalid email, ...).</summary>
    Rejected,

    /// <summary>The record was not written this time (throttled, temporarily failing); the host retries it later.</summary>
    Retry,
}

/// <summary>The outcome of one record of a batch.</summary>
/// <param name="Key">The record's <see cref="DestinationRecord.Key"/>.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Reason">For a rejection or retry, the platform's reason.</param>
public sealed record RecordResult(string Key, RecordOutcome Outcome, string? Reason = null)
{
    /// <summary>An accepted record.</summary>
    public static RecordResult Accepted(string key) => new(key, RecordOutcome.Accepted);

    /// <summary>A rejected record with the platform's reason.</summary>
    public static RecordResult Rejected(string key, string reason) => new(key, RecordOutcome.Rejected, reason);

    /// <summary>A record to retry later.</summary>
    public static RecordResult Retry(string key, string reason) => new(key, RecordOutcome.Retry, reason);
}
