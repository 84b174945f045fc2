using System.Globalization;
using System.Text.RegularExpressions;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Connectors.MetaAds.Configuration;

/// <summary>The connection's settings, checked: every error names the setting and says how to fix it.</summary>
internal sealed partial record MetaAdsSettings
{
    public const string DefaultApiVersion = "v21.0";
    public static readonly Uri DefaultBaseUrl = new("https://graph.facebook.com/");
    public static readonly IReadOnlyList<string> Levels = ["account", "campaign", "adset", "ad"];

    public required string AccessToken { get; init; }

    /// <summary>Configured ad accounts (digits); empty means every account the token sees.</summary>
    public IReadOnlyList<string> AdAccountIds { get; init; } = [];

    public required string ApiVersion { get; init; }

    /// <summary>The Graph root, ending with a slash.</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>The first day to read, or null for 30 days before today.</summary>
    public DateOnly? StartDate { get; init; }

    public int LookbackDays { get; init; } = 28;

    /// <summary><c>account</c>, <c>campaign</c>, <c>adset</c> or <c>ad</c>.</summary>
    public string Level { get; init; } = "ad";

    public int AsyncThresholdDays { get; init; } = 7;

    public int MaxConcurrentReportRuns { get; init; } = 3;

    public int PageSize { get; init; } = 500;

    public static MetaAdsSettings From(ConnectorConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var version = config.GetString("api_version", DefaultApiVersion)!.Trim();
        version = version.StartsWith('v') ? version : "v" + version;
        if (!VersionPattern().IsMatch(version))
        {
            throw new ConfigurationException($"The setting 'api_version' must look like {DefaultApiVersion}; got '{version}'.");
        }

        var accounts = config.GetStringList("ad_account_ids").Select(a => a.Trim()).Select(a => a.StartsWith("act_", StringComparison.Ordinal) ? a[4..] : a).ToList();
        if (accounts.FirstOrDefault(a => !a.All(char.IsAsciiDigit) || a.Length == 0) is { } bad)
        {
            throw new ConfigurationException($"The setting 'ad_account_ids' must hold ad account numbers such as 1234567890 or act_1234567890; got '{bad}'.");
        }

        var level = config.GetString("insights_level", "ad")!.Trim();
        if (!Levels.Contains(level))
        {
            throw new ConfigurationException($"The setting 'insights_level' must be one of {string.Join(", ", Levels)}; got '{level}'.");
        }

        var baseUrl = config.GetUri("base_url", DefaultBaseUrl)!;
        return new MetaAdsSettings
        {
            AccessToken = config.GetRequiredString("access_token").Trim(),
            AdAccountIds = accounts.Distinct(StringComparer.Ordinal).ToList(),
            ApiVersion = version,
            BaseUrl = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/"),
            StartDate = config.GetString("start_date") is { } start ? ParseDate(start) : null,
            LookbackDays = InRange(config, "lookback_days", 28, 0, 90),
            Level = level,
            AsyncThresholdDays = InRange(config, "async_threshold_days", 7, 0, int.MaxValue),
            MaxConcurrentReportRuns = InRange(config, "max_concurrent_report_runs", 3, 1, 10),
            PageSize = InRange(config, "page_size", 500, 1, 5000),
        };
    }

    private static DateOnly ParseDate(string text) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new ConfigurationException($"The setting 'start_date' must be a date written YYYY-MM-DD; got '{text}'.");

    private static int InRange(ConnectorConfig config, string name, int defaultValue, int min, int max)
    {
        var value = config.GetInt32(name, defaultValue);
        return value >= min && value <= max
            ? value
            : throw new ConfigurationException($"The setting '{name}' must be between {min} and {max}; got {value}.");
    }

    [GeneratedRegex(@"^v[0-9]+\.[0-9]+$")]
    private static partial Regex VersionPattern();
}
