using System.Globalization;
using System.Text.RegularExpressions;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Connectors.Square.Configuration;

/// <summary>The connection's settings, checked: every error names the setting and says how to fix it.</summary>
internal sealed partial record SquareSettings
{
    public const string DefaultVersion = "2026-09-16";
    public static readonly Uri DefaultBaseUrl = new("https://connect.squareup.com/");

    /// <summary>The API root, ending with a slash.</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>The <c>Square-Version</c> header value.</summary>
    public required string SquareVersion { get; init; }

    /// <summary>The OAuth application, when the connection refreshes its tokens; null for a personal access token.</summary>
    public OAuthApplication? OAuth { get; init; }

    /// <summary>Configured locations; empty means every location.</summary>
    public IReadOnlyList<string> LocationIds { get; init; } = [];

    /// <summary>The earliest payment creation time read.</summary>
    public required DateTimeOffset StartDate { get; init; }

    /// <summary>Records per request, when set.</summary>
    public int? PageSize { get; init; }

    /// <summary>How far behind now incremental windows stop.</summary>
    public TimeSpan ConsistencyLag { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Reads and checks <paramref name="config"/>.</summary>
    public static SquareSettings From(ConnectorConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var oauth = OAuthApplication.From(config);
        if (oauth is null && string.IsNullOrWhiteSpace(config.GetString("access_token")))
        {
            throw new ConfigurationException(
                "Set 'access_token' (a personal access token from the Square Developer Dashboard), or 'client_id', 'client_secret' and 'refresh_token' for an OAuth connection.");
        }

        var version = config.GetString("square_version", DefaultVersion)!.Trim();
        if (!VersionPattern().IsMatch(version))
        {
            throw new ConfigurationException($"The setting 'square_version' must be a date such as {DefaultVersion}; got '{version}'.");
        }

        var baseUrl = config.GetUri("base_url", DefaultBaseUrl)!;
        var pageSize = config.Has("page_size") ? config.GetInt32("page_size", 100) : (int?)null;
        if (pageSize is < 1 or > 1000)
        {
            throw new ConfigurationException($"The setting 'page_size' must be between 1 and 1000; got {pageSize}.");
        }

        return new SquareSettings
        {
            BaseUrl = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/"),
            SquareVersion = version,
            OAuth = oauth,
            LocationIds = config.GetStringList("location_ids"),
            StartDate = ParseStart(config.GetString("start_date", "2010-01-01T00:00:00Z")!),
            PageSize = pageSize,
            ConsistencyLag = TimeSpan.FromSeconds(Math.Max(0, config.GetInt32("consistency_lag_seconds", 120))),
        };
    }

    private static DateTimeOffset ParseStart(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var start)
            ? start
            : throw new ConfigurationException($"The setting 'start_date' must be an RFC 3339 time or a date (YYYY-MM-DD); got '{text}'.");

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    private static partial Regex VersionPattern();
}
