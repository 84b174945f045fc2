using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using ConnectorHub.Sdk.Settings;

namespace ConnectorHub.Connectors.Acme.Configuration;

/// <summary>The connection's settings. The spec's JSON Schema is generated from this record; a config is checked against it once.</summary>
public sealed record AcmeSettings
{
    /// <summary>The OAuth app's client id.</summary>
    [JsonPropertyName("client_id"), Display(Name = "OAuth client id"), Required, Description("The OAuth app's client id (Acme > Settings > Apps).")]
    public string? ClientId { get; init; }

    /// <summary>The OAuth app's client secret.</summary>
    [JsonPropertyName("client_secret"), Display(Name = "OAuth client secret"), Required, Secret, Description("The OAuth app's client secret.")]
    public string? ClientSecret { get; init; }

    /// <summary>The refresh token; replaced by the connector each time Acme rotates it.</summary>
    [JsonPropertyName("refresh_token"), Display(Name = "OAuth refresh token"), Required, Secret, Description("Issued when the account was connected; rotated by Acme on every refresh.")]
    public string? RefreshToken { get; init; }

    /// <summary>The current access token (managed by the connector).</summary>
    [JsonPropertyName("access_token"), Display(Name = "OAuth access token"), Secret, Description("Managed by the connector.")]
    public string? AccessToken { get; init; }

    /// <summary>When the access token expires (managed by the connector).</summary>
    [JsonPropertyName("access_token_expires_at"), Display(Name = "Access token expiry"), Description("Managed by the connector.")]
    public string? AccessTokenExpiresAt { get; init; }

    /// <summary>The API's base address.</summary>
    [JsonPropertyName("base_url"), Display(Name = "API base URL"), DefaultValue("https://api.acme.example"), Description("Acme's API, or a test double of it.")]
    public Uri BaseUrl { get; init; } = new("https://api.acme.example");

    /// <summary>Contacts per page.</summary>
    [JsonPropertyName("page_size"), Display(Name = "Contacts per page"), Range(1, 100), DefaultValue(100), Description("Contacts per page (Acme allows 1 to 100).")]
    public int PageSize { get; init; } = 100;
}
