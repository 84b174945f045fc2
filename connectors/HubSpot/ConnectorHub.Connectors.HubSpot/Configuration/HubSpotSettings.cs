using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using ConnectorHub.Sdk.Settings;

namespace ConnectorHub.Connectors.HubSpot.Configuration;

/// <summary>The connection's settings: a private-app token, or an OAuth app with a refresh token. The spec is generated from this record.</summary>
public sealed record HubSpotSettings : IValidatableObject
{
    /// <summary>How the connector authenticates.</summary>
    [JsonPropertyName("auth_type"), Display(Name = "Authentication"), AllowedValues("private_app", "oauth"), DefaultValue("private_app")]
    [Description("A private app's access token, or an OAuth app with a refresh token.")]
    public string? AuthType { get; init; }

    /// <summary>A private app's access token.</summary>
    [JsonPropertyName("private_app_token"), Display(Name = "Private app access token"), Secret]
    [Description("Settings > Integrations > Private apps; needs the crm.objects.{contacts,companies,deals}.read scopes.")]
    public string? PrivateAppToken { get; init; }

    /// <summary>The OAuth app's client id.</summary>
    [JsonPropertyName("client_id"), Display(Name = "OAuth client id"), Description("The OAuth app's client id.")]
    public string? ClientId { get; init; }

    /// <summary>The OAuth app's client secret.</summary>
    [JsonPropertyName("client_secret"), Display(Name = "OAuth client secret"), Secret, Description("The OAuth app's client secret.")]
    public string? ClientSecret { get; init; }

    /// <summary>The OAuth refresh token, replaced when HubSpot rotates it.</summary>
    [JsonPropertyName("refresh_token"), Display(Name = "OAuth refresh token"), Secret, Description("Replaced automatically when HubSpot rotates it.")]
    public string? RefreshToken { get; init; }

    /// <summary>The OAuth access token, managed by the connector.</summary>
    [JsonPropertyName("access_token"), Display(Name = "OAuth access token"), Secret, Description("Managed by the connector.")]
    public string? AccessToken { get; init; }

    /// <summary>The access token's expiry, managed by the connector.</summary>
    [JsonPropertyName("access_token_expires_at"), Display(Name = "Access token expiry"), Description("Managed by the connector.")]
    public string? AccessTokenExpiresAt { get; init; }

    /// <summary>The API's base address (the sandbox emulator's, in tests).</summary>
    [JsonPropertyName("base_url"), Display(Name = "API base URL"), DefaultValue("https://api.hubapi.com"), Description("API base URL.")]
    public Uri BaseUrl { get; init; } = new("https://api.hubapi.com");

    /// <summary>Records per list page; search pages hold twice as many (at most 200).</summary>
    [JsonPropertyName("page_size"), Display(Name = "Records per page"), Range(1, 100), DefaultValue(100)]
    [Description("List pages hold at most 100; search pages twice this, at most 200.")]
    public int PageSize { get; init; } = 100;

    /// <summary>The page cap per stream (a guard against endless paging).</summary>
    [JsonPropertyName("max_pages"), Display(Name = "Page cap per stream"), Range(1, int.MaxValue), DefaultValue(200_000)]
    [Description("A read stops with an error past this many pages of one stream (a guard against endless paging).")]
    public int MaxPages { get; init; } = 200_000;

    /// <summary>Whether the connection uses OAuth (an old config without <c>auth_type</c> does when it holds a refresh token).</summary>
    [JsonIgnore]
    public bool UsesOAuth => AuthType == "oauth" || (AuthType is null && PrivateAppToken is null && RefreshToken is not null);

    /// <summary>Records per search page.</summary>
    [JsonIgnore]
    public int SearchPageSize => Math.Min(PageSize * 2, 200);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var required = UsesOAuth
            ? new[] { ("client_id", ClientId), ("client_secret", ClientSecret), ("refresh_token", RefreshToken) }
            : [("private_app_token", PrivateAppToken)];
        foreach (var (name, value) in required.Where(r => string.IsNullOrWhiteSpace(r.Item2)))
        {
            yield return new ValidationResult($"The setting '{name}' is required when auth_type is '{(UsesOAuth ? "oauth" : "private_app")}'.", [name]);
        }
    }
}
