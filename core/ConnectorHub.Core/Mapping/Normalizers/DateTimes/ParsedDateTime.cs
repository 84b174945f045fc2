namespace ConnectorHub.Core.Mapping.Normalizers.DateTimes;

/// <summary>A date and time as read: the wall-clock value and, when the input said so, its UTC offset.</summary>
/// <param name="Local">The wall-clock date and time as written (midnight for a date alone).</param>
/// <param name="Offset">The UTC offset the input carried (Z, +02:00, GMT, epoch = zero), or null.</param>
/// <param name="HasTime">Whether the input had a time of day.</param>
internal readonly record struct ParsedDateTime(DateTime Local, TimeSpan? Offset, bool HasTime)
{
    /// <summary>The instant, using <paramref name="zone"/> for inputs that carried no offset.</summary>
    public DateTimeOffset InZone(TimeZoneInfo zone)
    {
        if (Offset is { } offset)
        {
            return new DateTimeOffset(Local, offset);
        }

        var local = Local;
        if (zone.IsInvalidTime(local))
        {
            // A wall-clock time skipped by a daylight-saving change: move past the gap, as clocks do.
            local = local.AddHours(1);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
