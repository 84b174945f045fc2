using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Settings;

namespace ConnectorHub.Connectors.Square.Configuration;

/// <summary>The connection's settings, one record: the spec's JSON Schema is generated from it, and a config is checked once.</summary>
public sealed partial record SquareSettings : IValidatableObject
{
    /// <summary>The <c>Square-Version</c> pinned when none is set.</summary>
    public const string DefaultVersion = "2026-09-16";

    private const string DefaultStart = "2010-01-01T00:00:00Z";

    /// <summary>A personal access token, or the current OAuth access token.</summary>
    [JsonPropertyName("access_token"), Display(Name = "Access token"), Secret]
    [Description("A personal access token, or the current OAuth access token. Needs MERCHANT_PROFILE_READ, CUSTOMERS_READ, ORDERS_READ and PAYMENTS_READ. Optional when OAuth refresh is configured.")]
    public string? AccessToken { get; init; }

    /// <summary>The OAuth application id.</summary>
    [JsonPropertyName("client_id"), Display(Name = "OAuth application id"), Description("For OAuth connections: the application id (sq0idp-...).")]
    public string? ClientId { get; init; }

    /// <summary>The OAuth application secret.</summary>
    [JsonPropertyName("client_secret"), Display(Name = "OAuth application secret"), Secret, Description("For OAuth connections: the application secret (sq0csp-...).")]
    public string? ClientSecret { get; init; }

    /// <summary>The OAuth refresh token.</summary>
    [JsonPropertyName("refresh_token"), Display(Name = "OAuth refresh token"), Secret]
    [Description("For OAuth connections: the refresh token. Access tokens (30 days) are refreshed with it, and a rotated refresh token is stored at once.")]
    public string? RefreshToken { get; init; }

    /// <summary>The access token's expiry (kept by the connector).</summary>
    [JsonPropertyName("access_token_expires_at"), Display(Name = "Access token expiry"), Description("Kept by the connector for OAuth connections (ISO 8601).")]
    public string? AccessTokenExpiresAt { get; init; }

    /// <summary>The API root as written in the config.</summary>
    [JsonPropertyName("base_url"), Display(Name = "API base URL"), DefaultValue("https://connect.squareup.com")]
    [Description("https://connect.squareup.com (production) or https://connect.squareupsandbox.com (Square's sandbox).")]
    public Uri ApiRoot { get; init; } = new("https://connect.squareup.com/");

    /// <summary>The <c>Square-Version</c> header value as written in the config.</summary>
    [JsonPropertyName("square_version"), Display(Name = "Square-Version"), DefaultValue(DefaultVersion), Description("The API version the connector pins (YYYY-MM-DD).")]
    public string? Version { get; init; }

    /// <summary>Configured locations; empty means every location.</summary>
    [JsonPropertyName("location_ids"), Display(Name = "Location ids")]
    [Description("Locations to read orders and payments of. Empty: every location of the seller (GET /v2/locations).")]
    public IReadOnlyList<string>? Locations { get; init; }

    /// <summary>The earliest payment creation time read, as written in the config.</summary>
    [JsonPropertyName("start_date"), Display(Name = "Earliest payment"), DefaultValue(DefaultStart)]
    [Description("Payments created before this time are not read (Square's ListPayments reaches back only one year unless told). RFC 3339 or YYYY-MM-DD.")]
    public string? Start { get; init; }

    /// <summary>Records per request, when set.</summary>
    [JsonPropertyName("page_size"), Display(Name = "Page size"), Range(1, 1000)]
    [Description("Records per request, capped per endpoint (customers and payments 100, orders 1000). Default: 100 for customers and payments, 500 for orders.")]
    public int? PageSize { get; init; }

    /// <summary>How far behind now incremental windows stop, in seconds.</summary>
    [JsonPropertyName("consistency_lag_seconds"), Display(Name = "Consistency lag (seconds)"), Range(0, int.MaxValue), DefaultValue(120)]
    [Description("Incremental reads stop this long before now, because Square's search can take up to a minute to show a change.")]
    public int ConsistencyLagSeconds { get; init; } = 120;

    /// <summary>The API root, ending with a slash.</summary>
    [JsonIgnore]
    public Uri BaseUrl => ApiRoot.AbsoluteUri.EndsWith('/') ? ApiRoot : new Uri(ApiRoot.AbsoluteUri + "/");

    /// <summary>The <c>Square-Version</c> header value.</summary>
    [JsonIgnore]
    public string SquareVersion => Version?.Trim() ?? DefaultVersion;

    /// <summary>The OAuth application, when the connection refreshes its tokens; null for a personal access token.</summary>
    [JsonIgnore]
    public OAuthApplication? OAuth => OAuthParts.All(p => !string.IsNullOrWhiteSpace(p.Value)) ? new OAuthApplication(ClientId!.Trim(), ClientSecret!.Trim()) : null;

    /// <summary>Configured locations; empty means every location.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> LocationIds => (Locations ?? []).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    /// <summary>The earliest payment creation time read.</summary>
    [JsonIgnore]
    public DateTimeOffset StartDate => ParseStart(Start ?? DefaultStart) ?? DateTimeOffset.Parse(DefaultStart, CultureInfo.InvariantCulture);

    /// <summary>How far behind now incremental windows stop.</summary>
    [JsonIgnore]
    public TimeSpan ConsistencyLag => TimeSpan.FromSeconds(ConsistencyLagSeconds);

    private (string Name, string? Value)[] OAuthParts => [("client_id", ClientId), ("client_secret", ClientSecret), ("refresh_token", RefreshToken)];

    /// <summary>Binds and checks <paramref name="config"/>; every problem names its setting.</summary>
    public static SquareSettings From(ConnectorConfig config) => ConnectorSettings.Bind<SquareSettings>(config);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var set = OAuthParts.Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => p.Name).ToArray();
        if (set.Length is > 0 and < 3)
        {
            yield return new ValidationResult(
                $"OAuth refresh needs 'client_id', 'client_secret' and 'refresh_token' together; missing {string.Join(", ", OAuthParts.Select(p => p.Name).Except(set).Select(n => $"'{n}'"))}. Reconnect the Square account, or remove them and use a personal 'access_token'.");
        }
        else if (set.Length == 0 && string.IsNullOrWhiteSpace(AccessToken))
        {
            yield return new ValidationResult(
                "Set 'access_token' (a personal access token from the Square Developer Dashboard), or 'client_id', 'client_secret' and 'refresh_token' for an OAuth connection.");
        }

        if (!VersionPattern().IsMatch(SquareVersion))
        {
            yield return new ValidationResult($"The setting 'square_version' must be a date such as {DefaultVersion}; got '{SquareVersion}'.");
        }

        if (Start is not null && ParseStart(Start) is null)
        {
            yield return new ValidationResult($"The setting 'start_date' must be an RFC 3339 time or a date (YYYY-MM-DD); got '{Start}'.");
        }
    }

    private static DateTimeOffset? ParseStart(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var start) ? start : null;

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    private static partial Regex VersionPattern();
}
