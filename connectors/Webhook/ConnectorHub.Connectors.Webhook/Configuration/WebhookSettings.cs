namespace ConnectorHub.Connectors.Webhook.Configuration;

/// <summary>The Webhook destination's validated configuration.</summary>
internal sealed record WebhookSettings
{
    /// <summary>The default number of records per request.</summary>
    public const int DefaultBatchSize = 100;

    /// <summary>The most records one request may carry.</summary>
    public const int MaxBatchSize = 1000;

    /// <summary>The default time limit of one attempt, in seconds.</summary>
    public const int DefaultTimeoutSeconds = 30;

    /// <summary>Where batches are POSTed.</summary>
    public required Uri Url { get; init; }

    /// <summary>The HMAC key that signs requests, or null to send them unsigned.</summary>
    public string? SigningSecret { get; init; }

    /// <summary>Extra headers sent with every request (plain and secret ones together).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>Values never to be written to logs or failure records.</summary>
    public IReadOnlyCollection<string> SecretValues { get; init; } = [];

    /// <summary>Records per request.</summary>
    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>The time limit of one attempt.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(DefaultTimeoutSeconds);
}
