using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using ConnectorHub.Sdk.Settings;

namespace ConnectorHub.Connectors.MetaCustomAudiences.Configuration;

/// <summary>The connection's settings, one record: the spec's JSON Schema is generated from it, and a config is checked once.</summary>
public sealed partial record MetaConfig : IValidatableObject
{
    /// <summary>The Graph API version used when none is set.</summary>
    public const string DefaultApiVersion = "v21.0";

    /// <summary>A system-user token with the <c>ads_management</c> permission.</summary>
    [JsonPropertyName("access_token"), Display(Name = "Access token"), Required, Secret, Description("A system-user access token with the ads_management permission on the ad account.")]
    public string? AccessToken { get; init; }

    /// <summary>The ad account as written in the config (<c>1234567890</c> or <c>act_1234567890</c>).</summary>
    [JsonPropertyName("ad_account_id"), Display(Name = "Ad account id"), Required, Description("The ad account that owns the audiences, as 1234567890 or act_1234567890.")]
    public string? AdAccount { get; init; }

    /// <summary>The Graph API version as written in the config.</summary>
    [JsonPropertyName("api_version"), Display(Name = "Graph API version"), DefaultValue(DefaultApiVersion), Description("The Graph API version, such as v21.0.")]
    public string? Version { get; init; }

    /// <summary>The Graph API root.</summary>
    [JsonPropertyName("base_url"), Display(Name = "Graph API base URL"), DefaultValue("https://graph.facebook.com"), Description("Only to point at a proxy or the sandbox emulator.")]
    public Uri BaseUrl { get; init; } = new("https://graph.facebook.com/");

    /// <summary>The token, trimmed.</summary>
    [JsonIgnore]
    public string Token => AccessToken?.Trim() ?? string.Empty;

    /// <summary>The ad account id, digits only (the <c>act_</c> prefix removed).</summary>
    [JsonIgnore]
    public string AdAccountId => AdAccount?.Trim() is { } account && account.StartsWith("act_", StringComparison.Ordinal) ? account[4..] : AdAccount?.Trim() ?? string.Empty;

    /// <summary>The Graph API version, with its <c>v</c>.</summary>
    [JsonIgnore]
    public string ApiVersion => (Version?.Trim() ?? DefaultApiVersion) is var v && v.StartsWith('v') ? v : "v" + v;

    /// <summary>The Graph API root, ending with a slash.</summary>
    [JsonIgnore]
    public Uri Root => BaseUrl.AbsoluteUri.EndsWith('/') ? BaseUrl : new Uri(BaseUrl.AbsoluteUri + "/");

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AdAccount is not null && !Digits().IsMatch(AdAccountId))
        {
            yield return new ValidationResult($"The setting 'ad_account_id' must be the ad account's number, such as 1234567890 or act_1234567890; got '{AdAccountId}'.");
        }

        if (!VersionPattern().IsMatch(ApiVersion))
        {
            yield return new ValidationResult($"The setting 'api_version' must look like {DefaultApiVersion}; got '{ApiVersion}'.");
        }
    }

    [GeneratedRegex("^[0-9]+$")]
    private static partial Regex Digits();

    [GeneratedRegex(@"^v[0-9]+\.[0-9]+$")]
    private static partial Regex VersionPattern();
}
