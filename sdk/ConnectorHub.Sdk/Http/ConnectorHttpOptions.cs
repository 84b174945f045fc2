using Polly;

namespace ConnectorHub.Sdk.Http;

/// <summary>How a <see cref="ConnectorHttpClient"/> authenticates, retries and classifies failures.</summary>
public sealed record ConnectorHttpOptions
{
    /// <summary>Base address for relative request URIs.</summary>
    public Uri? BaseAddress { get; init; }

    /// <summary>Adds credentials to each request just before it is sent (every attempt).</summary>
    public Func<HttpRequestMessage, CancellationToken, ValueTask>? Authenticate { get; init; }

    /// <summary>
    /// Called once when a request is answered 401; return true when credentials were refreshed and the request
    /// should be sent again (for example an expired OAuth access token).
    /// </summary>
    public Func<CancellationToken, Task<bool>>? RefreshCredentials { get; init; }

    /// <summary>Classifies a failed response; return null to use the default rules (401/403 configuration, 429 rate limited, 408/5xx transient).</summary>
    public Func<HttpResponseMessage, string, HttpFailure?>? Classify { get; init; }

    /// <summary>Attempts after the first for transient failures.</summary>
    public int MaxTransientRetries { get; init; } = 5;

    /// <summary>The first backoff delay; later ones grow exponentially with jitter.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest backoff delay between two transient retries.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How many rate-limit waits one request may go through before the failure is reported. Throttling should
    /// slow a run down, not fail it, so this is generous.
    /// </summary>
    public int MaxRateLimitWaits { get; init; } = 100;

    /// <summary>
    /// The longest time one request may spend in all waiting out rate limits before the failure is reported; null
    /// (the default) bounds the waits by <see cref="MaxRateLimitWaits"/> only. For platforms whose work must finish
    /// within a window (an upload session that expires): the request waits as many times as the platform asks, as
    /// long as the window allows.
    /// </summary>
    public TimeSpan? MaxRateLimitWaitTotal { get; init; }

    /// <summary>The wait after a 429 that carries no Retry-After (the first one, when <see cref="RateLimitBackoff"/> grows it).</summary>
    public TimeSpan DefaultRateLimitDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How the waits after 429s without a Retry-After grow within one request: <see cref="DelayBackoffType.Constant"/>
    /// (the default: <see cref="DefaultRateLimitDelay"/> each time), or <see cref="DelayBackoffType.Exponential"/>
    /// (doubled each time, with jitter, up to <see cref="MaxRateLimitDelay"/>) for platforms that send no Retry-After
    /// and ask clients to back off, as Square does.
    /// </summary>
    public DelayBackoffType RateLimitBackoff { get; init; } = DelayBackoffType.Constant;

    /// <summary>The longest wait honoured from one Retry-After (longer values are capped to it), and the cap of a growing backoff.</summary>
    public TimeSpan MaxRateLimitDelay { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Time limit of one attempt.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>Values never written to logs or failed-request records (tokens, keys, passwords).</summary>
    public IReadOnlyCollection<string> SecretValues { get; init; } = [];
}
