namespace ConnectorHub.Sdk.Canonical;

/// <summary>Daily delivery of one ad, ad set or campaign (schema <c>ad-performance.schema.json</c>).</summary>
public sealed record AdPerformance
{
    /// <summary>meta, google_ads, tiktok, ...</summary>
    public required string Platform { get; init; }

    /// <summary>The ad account.</summary>
    public required string AccountId { get; init; }

    /// <summary>Campaign id.</summary>
    public string? CampaignId { get; init; }

    /// <summary>Campaign name.</summary>
    public string? CampaignName { get; init; }

    /// <summary>Ad set (ad group) id.</summary>
    public string? AdSetId { get; init; }

    /// <summary>Ad set name.</summary>
    public string? AdSetName { get; init; }

    /// <summary>Ad id.</summary>
    public string? AdId { get; init; }

    /// <summary>Ad name.</summary>
    public string? AdName { get; init; }

    /// <summary>The day.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>Impressions.</summary>
    public required long Impressions { get; init; }

    /// <summary>Clicks.</summary>
    public required long Clicks { get; init; }

    /// <summary>Spend in the currency's major units.</summary>
    public required decimal Spend { get; init; }

    /// <summary>ISO 4217 currency of <see cref="Spend"/>.</summary>
    public required string Currency { get; init; }

    /// <summary>Conversions attributed by the platform.</summary>
    public decimal? Conversions { get; init; }
}
