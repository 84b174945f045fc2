namespace ConnectorHub.Connectors.MetaAds.Insights;

/// <summary>
/// Which days a run reads for one account, oldest first, through yesterday (the last complete day in the account's
/// time zone): a resumed run continues at the account's next day; an incremental pass starts <c>lookback_days</c>
/// before the day after the last one read (Meta restates recent days); a full refresh starts at the start date.
/// Never before Meta's 37-month retention.
/// </summary>
internal static class DayPlan
{
    public const int RetentionMonths = 37;

    public static IReadOnlyList<DateOnly> Days(AccountProgress progress, bool incremental, DateOnly startDate, int lookbackDays, DateOnly yesterday)
    {
        ArgumentNullException.ThrowIfNull(progress);
        DateOnly from;
        if (progress.Next is { } next)
        {
            from = next;
        }
        else if (incremental && progress.Through is { } through)
        {
            from = through.AddDays(1 - lookbackDays);
            from = from < startDate ? startDate : from;
        }
        else
        {
            from = startDate;
        }

        var oldest = OldestKept(yesterday);
        from = from < oldest ? oldest : from;
        var count = yesterday.DayNumber - from.DayNumber + 1;
        return count <= 0 ? [] : Enumerable.Range(0, count).Select(from.AddDays).ToArray();
    }

    /// <summary>The oldest day Meta still serves insights for.</summary>
    public static DateOnly OldestKept(DateOnly yesterday) => yesterday.AddDays(1).AddMonths(-RetentionMonths).AddDays(1);
}
