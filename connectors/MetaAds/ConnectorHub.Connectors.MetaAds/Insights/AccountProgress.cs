namespace ConnectorHub.Connectors.MetaAds.Insights;

/// <summary>
/// How far insights of one ad account are read: <see cref="Through"/> is the last complete day read (the
/// incremental cursor); <see cref="Next"/> is the next day of the pass under way, where a resumed run continues
/// (without re-reading the lookback window).
/// </summary>
internal sealed class AccountProgress
{
    public DateOnly? Through { get; set; }

    /// <summary>The next day of the pass under way, or null.</summary>
    public DateOnly? Next { get; set; }

    /// <summary>Records that <paramref name="day"/> is read; <paramref name="last"/> is the pass's last day for the account.</summary>
    public void DayDone(DateOnly day, DateOnly last)
    {
        Through = Through is { } through && through > day ? through : day;
        Next = day < last ? day.AddDays(1) : null;
    }
}
