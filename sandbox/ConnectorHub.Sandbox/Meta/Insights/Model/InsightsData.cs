namespace ConnectorHub.Sandbox.Meta.Insights.Model;

/// <summary>Everything the insights emulator serves: accounts, the campaign tree and each ad's daily stats.</summary>
public sealed class InsightsData
{
    /// <summary>Ad accounts by id (digits).</summary>
    public Dictionary<string, AdAccountNode> Accounts { get; } = new(StringComparer.Ordinal);

    /// <summary>Campaigns.</summary>
    public List<CampaignNode> Campaigns { get; } = [];

    /// <summary>Ad sets.</summary>
    public List<AdSetNode> AdSets { get; } = [];

    /// <summary>Ads.</summary>
    public List<AdNode> Ads { get; } = [];

    /// <summary>Daily stats per ad (a day without delivery may be missing).</summary>
    public List<AdDayStats> Stats { get; } = [];
}
