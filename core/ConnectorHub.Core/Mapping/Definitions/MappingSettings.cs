namespace ConnectorHub.Core.Mapping.Definitions;

/// <summary>Defaults the normalizers use when a rule does not say otherwise (the <c>settings</c> section).</summary>
public sealed record MappingSettings
{
    /// <summary>ISO 3166-1 alpha-2 region for phone numbers written without a country code (<c>default_region</c>).</summary>
    public string? DefaultRegion { get; init; }

    /// <summary>IANA time zone for dates and times written without one (<c>time_zone</c>); UTC when unset.</summary>
    public string? TimeZone { get; init; }

    /// <summary>ISO 4217 currency for shared symbols such as $ and for bare minor-unit amounts (<c>default_currency</c>).</summary>
    public string? DefaultCurrency { get; init; }

    /// <summary><c>mdy</c> or <c>dmy</c> for dates such as 03/05/2024 (<c>date_order</c>); mdy for US-like regions, else dmy.</summary>
    public string? DateOrder { get; init; }
}
