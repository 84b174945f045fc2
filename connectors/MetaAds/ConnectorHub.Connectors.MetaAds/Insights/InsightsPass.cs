namespace ConnectorHub.Connectors.MetaAds.Insights;

/// <summary>
/// A run of <c>insights_daily</c> under way over the ad accounts: its mode, and the accounts it has finished, so a
/// resumed run neither reads them again nor re-applies their lookback window.
/// </summary>
internal sealed class InsightsPass
{
    public required bool Incremental { get; init; }

    public HashSet<string> Done { get; init; } = new(StringComparer.Ordinal);
}
