namespace ConnectorHub.Sandbox.Meta.Insights.Seed;

/// <summary>How much the insights emulator starts with; the same options give the same data.</summary>
public sealed record InsightsSeedOptions
{
    /// <summary>The random seed.</summary>
    public int Seed { get; init; } = 20240601;

    /// <summary>Ad account ids (digits).</summary>
    public IReadOnlyList<string> AccountIds { get; init; } = ["1234567890", "2345678901"];

    /// <summary>Campaigns per account.</summary>
    public int CampaignsPerAccount { get; init; } = 3;

    /// <summary>Ad sets per campaign.</summary>
    public int AdSetsPerCampaign { get; init; } = 2;

    /// <summary>Ads per ad set.</summary>
    public int AdsPerAdSet { get; init; } = 2;

    /// <summary>The first day with stats.</summary>
    public DateOnly FirstDay { get; init; } = new(2024, 3, 1);

    /// <summary>How many days of stats (the default ends on 2024-05-31).</summary>
    public int Days { get; init; } = 92;
}
