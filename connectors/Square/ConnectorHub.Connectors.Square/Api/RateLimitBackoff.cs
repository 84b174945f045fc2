using System.Security.Cryptography;

namespace ConnectorHub.Connectors.Square.Api;

/// <summary>
/// Square sends no Retry-After on 429, so waits grow exponentially (1 s, 2 s, 4 s, ... capped at 64 s, with ±20%
/// jitter), as Square's own SDKs do; the count starts over with each request.
/// </summary>
internal sealed class RateLimitBackoff
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Longest = TimeSpan.FromSeconds(64);
    private int _consecutive;

    /// <summary>Starts a new request: the next wait is the first one again.</summary>
    public void Reset() => Interlocked.Exchange(ref _consecutive, 0);

    /// <summary>The wait before the next attempt.</summary>
    public TimeSpan Next()
    {
        var attempt = Math.Min(Interlocked.Increment(ref _consecutive), 8);
        var wait = TimeSpan.FromTicks(Math.Min(First.Ticks << (attempt - 1), Longest.Ticks));
        var jitter = (RandomNumberGenerator.GetInt32(0, 401) - 200) / 1000.0;
        return wait * (1 + jitter);
    }
}
