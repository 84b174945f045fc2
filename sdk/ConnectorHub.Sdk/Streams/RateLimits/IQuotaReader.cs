namespace ConnectorHub.Sdk.Streams.RateLimits;

/// <summary>Reads a platform's quota headers and says how long the budget pauses before the next request.</summary>
public interface IQuotaReader
{
    /// <summary>How long to pause before the next request (null: no pause).</summary>
    TimeSpan? PauseAfter(HttpResponseMessage response);
}

/// <summary>
/// The common "remaining and reset" quota headers: when the remaining count falls to <see cref="Threshold"/> or
/// below, pause until the reset (seconds, milliseconds or an epoch time, as the platform writes it).
/// </summary>
public sealed record RemainingQuotaReader : IQuotaReader
{
    /// <summary>The header with the requests left (for example <c>X-RateLimit-Remaining</c>).</summary>
    public required string RemainingHeader { get; init; }

    /// <summary>The header with the time until the window resets (for example <c>X-RateLimit-Reset</c>).</summary>
    public required string ResetHeader { get; init; }

    /// <summary>How the reset header is written.</summary>
    public QuotaResetUnit ResetUnit { get; init; } = QuotaResetUnit.Seconds;

    /// <summary>Pause when at most this many requests are left.</summary>
    public int Threshold { get; init; }

    /// <summary>The clock epoch resets are compared with.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>HubSpot's per-app headers (ten-second window; the interval header gives its length in milliseconds).</summary>
    public static RemainingQuotaReader HubSpot { get; } = new()
    {
        RemainingHeader = "X-HubSpot-RateLimit-Remaining",
        ResetHeader = "X-HubSpot-RateLimit-Interval-Milliseconds",
        ResetUnit = QuotaResetUnit.Milliseconds,
    };

    /// <inheritdoc />
    public TimeSpan? PauseAfter(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!TryHeader(response, RemainingHeader, out var remaining) || remaining > Threshold || !TryHeader(response, ResetHeader, out var reset))
        {
            return null;
        }

        var wait = ResetUnit switch
        {
            QuotaResetUnit.Milliseconds => TimeSpan.FromMilliseconds(reset),
            QuotaResetUnit.EpochSeconds => DateTimeOffset.FromUnixTimeSeconds((long)reset) - Time.GetUtcNow(),
            _ => TimeSpan.FromSeconds(reset),
        };
        return wait > TimeSpan.Zero ? wait : null;
    }

    private static bool TryHeader(HttpResponseMessage response, string name, out double value)
    {
        value = 0;
        return response.Headers.TryGetValues(name, out var values)
            && double.TryParse(values.FirstOrDefault(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out value);
    }
}

/// <summary>How a quota reset header is written.</summary>
public enum QuotaResetUnit
{
    /// <summary>Seconds until the reset.</summary>
    Seconds,

    /// <summary>Milliseconds until the reset.</summary>
    Milliseconds,

    /// <summary>The reset's time in seconds since 1970.</summary>
    EpochSeconds,
}
