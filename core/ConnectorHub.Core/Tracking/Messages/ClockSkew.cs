using System.Globalization;

namespace ConnectorHub.Core.Tracking.Messages;

/// <summary>
/// Corrects an event's time for its client's clock, as Segment does: <c>timestamp = receivedAt − (sentAt − timestamp)</c>.
/// Times from two unrelated clocks can be so far apart that the corrected time falls outside the calendar the hub
/// stores (years 1 to 9999); such an event is refused, naming both times.
/// </summary>
internal static class ClockSkew
{
    /// <summary>The event's time, or why it cannot be corrected.</summary>
    public static (DateTimeOffset? Time, string? Error) Correct(DateTimeOffset? timestamp, DateTimeOffset? sentAt, DateTimeOffset receivedAt, string path)
    {
        if (timestamp is not { } t)
        {
            return (receivedAt, null);
        }

        if (sentAt is not { } s)
        {
            return (t, null);
        }

        var ticks = (decimal)receivedAt.UtcTicks - ((decimal)s.UtcTicks - t.UtcTicks);
        if (ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks)
        {
            return (new DateTimeOffset((long)ticks, TimeSpan.Zero), null);
        }

        return (null, string.Create(CultureInfo.InvariantCulture,
            $"{path}.timestamp ({t:O}) and sentAt ({s:O}) are {Math.Abs((s - t).TotalDays):0} days apart: corrected for the client's clock (receivedAt − (sentAt − timestamp)) the event would fall outside the years 1 to 9999. Send both times from the same clock."));
    }
}
