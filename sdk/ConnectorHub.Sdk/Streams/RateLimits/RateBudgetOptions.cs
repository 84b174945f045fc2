namespace ConnectorHub.Sdk.Streams.RateLimits;

/// <summary>
/// A per-API rate budget shared by all the streams of a connection's call: a fixed window or a token bucket
/// (System.Threading.RateLimiting), and quota headers that pause the budget until the platform's quota resets.
/// Requests wait for the budget; they never fail for it.
/// </summary>
public sealed record RateBudgetOptions
{
    /// <summary>At most this many requests per <see cref="Window"/> (a fixed window); null for no window.</summary>
    public int? PermitsPerWindow { get; init; }

    /// <summary>The fixed window's length.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A token bucket's size (the burst); null for no bucket.</summary>
    public int? BucketSize { get; init; }

    /// <summary>Tokens added to the bucket every <see cref="RefillPeriod"/>.</summary>
    public int TokensPerPeriod { get; init; } = 1;

    /// <summary>How often the bucket is refilled.</summary>
    public TimeSpan RefillPeriod { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Reads the platform's quota headers after every response; null reads none.</summary>
    public IQuotaReader? Quota { get; init; }
}
