namespace ConnectorHub.Sandbox.Meta.Insights.Model;

/// <summary>
/// What one ad delivered on one day (in the account's time zone): the raw counts every insights level and range
/// aggregates. Mutable so tests can restate a day, as Meta does when late conversions arrive.
/// </summary>
public sealed class AdDayStats
{
    /// <summary>The ad.</summary>
    public required string AdId { get; init; }

    /// <summary>The day.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>Times the ad was shown.</summary>
    public long Impressions { get; set; }

    /// <summary>People reached.</summary>
    public long Reach { get; set; }

    /// <summary>All clicks.</summary>
    public long Clicks { get; set; }

    /// <summary>Clicks on the ad's link.</summary>
    public long LinkClicks { get; set; }

    /// <summary>Spend in the account currency (two decimals).</summary>
    public decimal Spend { get; set; }

    /// <summary>Adds to cart attributed to the ad.</summary>
    public long AddsToCart { get; set; }

    /// <summary>Purchases attributed to the ad.</summary>
    public long Purchases { get; set; }

    /// <summary>Value of those purchases.</summary>
    public decimal PurchaseValue { get; set; }
}
