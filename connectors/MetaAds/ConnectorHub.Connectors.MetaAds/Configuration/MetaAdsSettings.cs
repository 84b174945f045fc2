using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Settings;

namespace ConnectorHub.Connectors.MetaAds.Configuration;

/// <summary>The connection's settings, one record: the spec's JSON Schema is generated from it, and a config is checked once.</summary>
public sealed partial record MetaAdsSettings : IValidatableObject
{
    /// <summary>The Graph API version used when none is set.</summary>
    public const string DefaultApiVersion = "v21.0";

    /// <summary>The insights levels Meta offers.</summary>
    public static readonly IReadOnlyList<string> Levels = ["account", "campaign", "adset", "ad"];

    /// <summary>A system-user token with the <c>ads_read</c> permission.</summary>
    [JsonPropertyName("access_token"), Display(Name = "Access token"), Required, Secret]
    [Description("A system-user access token with the ads_read permission on the ad accounts.")]
    public string? AccessTokenText { get; init; }

    /// <summary>The accounts to read, as written in the config.</summary>
    [JsonPropertyName("ad_account_ids"), Display(Name = "Ad account ids")]
    [Description("Accounts to read, as 1234567890 or act_1234567890. Empty: every account the token can see (GET /me/adaccounts).")]
    public IReadOnlyList<string>? AdAccounts { get; init; }

    /// <summary>The Graph API version as written in the config.</summary>
    [JsonPropertyName("api_version"), Display(Name = "Graph API version"), DefaultValue(DefaultApiVersion)]
    public string? Version { get; init; }

    /// <summary>The Graph API root.</summary>
    [JsonPropertyName("base_url"), Display(Name = "Graph API base URL"), DefaultValue("https://graph.facebook.com")]
    [Description("Only to point at a proxy or the sandbox emulator.")]
    public Uri GraphRoot { get; init; } = new("https://graph.facebook.com/");

    /// <summary>The first day to read, as written in the config.</summary>
    [JsonPropertyName("start_date"), Display(Name = "Start date")]
    [Description("The first day of insights to read (YYYY-MM-DD); Meta keeps 37 months. Default: 30 days ago.")]
    public string? Start { get; init; }

    /// <summary>How many complete days every incremental run reads again.</summary>
    [JsonPropertyName("lookback_days"), Display(Name = "Lookback window (days)"), Range(0, 90), DefaultValue(28)]
    [Description("Every incremental run reads the last N complete days again, because Meta restates recent stats (late conversions).")]
    public int LookbackDays { get; init; } = 28;

    /// <summary><c>account</c>, <c>campaign</c>, <c>adset</c> or <c>ad</c>.</summary>
    [JsonPropertyName("insights_level"), Display(Name = "Insights level"), AllowedValues("account", "campaign", "adset", "ad"), DefaultValue("ad")]
    public string Level { get; init; } = "ad";

    /// <summary>Beyond this many days per account a run uses async report runs.</summary>
    [JsonPropertyName("async_threshold_days"), Display(Name = "Async report threshold (days)"), Range(0, int.MaxValue), DefaultValue(7)]
    [Description("A run that reads more days than this per account uses async report runs (one per day) instead of synchronous requests.")]
    public int AsyncThresholdDays { get; init; } = 7;

    /// <summary>How many async report runs are queued ahead.</summary>
    [JsonPropertyName("max_concurrent_report_runs"), Display(Name = "Concurrent report runs"), Range(1, 10), DefaultValue(3)]
    [Description("How many async report runs (days) are queued at Meta ahead of the one being read.")]
    public int MaxConcurrentReportRuns { get; init; } = 3;

    /// <summary>Rows per Graph page.</summary>
    [JsonPropertyName("page_size"), Display(Name = "Page size"), Range(1, 5000), DefaultValue(500), Description("Rows per Graph page (limit).")]
    public int PageSize { get; init; } = 500;

    /// <summary>The token, trimmed.</summary>
    [JsonIgnore]
    public string AccessToken => AccessTokenText?.Trim() ?? string.Empty;

    /// <summary>Configured ad accounts (digits); empty means every account the token sees.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> AdAccountIds => (AdAccounts ?? []).Select(a => a.Trim()).Select(a => a.StartsWith("act_", StringComparison.Ordinal) ? a[4..] : a).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The Graph API version, with its <c>v</c>.</summary>
    [JsonIgnore]
    public string ApiVersion => (Version?.Trim() ?? DefaultApiVersion) is var v && v.StartsWith('v') ? v : "v" + v;

    /// <summary>The Graph root, ending with a slash.</summary>
    [JsonIgnore]
    public Uri BaseUrl => GraphRoot.AbsoluteUri.EndsWith('/') ? GraphRoot : new Uri(GraphRoot.AbsoluteUri + "/");

    /// <summary>The first day to read, or null for 30 days before today.</summary>
    [JsonIgnore]
    public DateOnly? StartDate => DateOnly.TryParseExact(Start?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>Binds and checks <paramref name="config"/>; every problem names its setting.</summary>
    public static MetaAdsSettings From(ConnectorConfig config) => ConnectorSettings.Bind<MetaAdsSettings>(config);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!VersionPattern().IsMatch(ApiVersion))
        {
            yield return new ValidationResult($"The setting 'api_version' must look like {DefaultApiVersion}; got '{ApiVersion}'.");
        }

        if (AdAccountIds.FirstOrDefault(a => a.Length == 0 || !a.All(char.IsAsciiDigit)) is { } bad)
        {
            yield return new ValidationResult($"The setting 'ad_account_ids' must hold ad account numbers such as 1234567890 or act_1234567890; got '{bad}'.");
        }

        if (Start is not null && StartDate is null)
        {
            yield return new ValidationResult($"The setting 'start_date' must be a date written YYYY-MM-DD; got '{Start}'.");
        }
    }

    [GeneratedRegex(@"^v[0-9]+\.[0-9]+$")]
    private static partial Regex VersionPattern();
}
