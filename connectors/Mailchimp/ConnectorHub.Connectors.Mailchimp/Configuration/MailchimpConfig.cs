using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Settings;

namespace ConnectorHub.Connectors.Mailchimp.Configuration;

/// <summary>The connection's settings, one record: the spec's JSON Schema is generated from it, and a config is checked once.</summary>
public sealed partial record MailchimpConfig : IValidatableObject
{
    /// <summary>Requests in flight at once when none is set.</summary>
    public const int DefaultMaxConnections = 3;

    /// <summary>The API key as written in the config.</summary>
    [JsonPropertyName("api_key"), Display(Name = "API key"), Required, Secret]
    [Description("A Mailchimp API key (Profile > Extras > API keys). Its suffix, such as -us14, is the data center.")]
    public string? ApiKeyText { get; init; }

    /// <summary>An API root to use instead of the data center's.</summary>
    [JsonPropertyName("base_url"), Display(Name = "API base URL"), Description("Only to point at a proxy or the sandbox emulator; defaults to https://{dc}.api.mailchimp.com.")]
    public Uri? BaseUrlOverride { get; init; }

    /// <summary>How many requests may be in flight at once (Mailchimp allows 10 per user, shared with every other integration).</summary>
    [JsonPropertyName("max_connections"), Display(Name = "Simultaneous connections"), Range(1, 10), DefaultValue(DefaultMaxConnections)]
    [Description("Requests in flight at once. Mailchimp allows 10 per user across every integration.")]
    public int MaxConnections { get; init; } = DefaultMaxConnections;

    /// <summary>The API key, trimmed.</summary>
    [JsonIgnore]
    public string ApiKey => ApiKeyText?.Trim() ?? string.Empty;

    /// <summary>The data center, from the key's suffix (<c>us14</c>).</summary>
    [JsonIgnore]
    public string DataCenter => KeySuffix().Match(ApiKey) is { Success: true } match ? match.Groups[1].Value : string.Empty;

    /// <summary>The API root, <c>https://{dc}.api.mailchimp.com/</c> unless overridden; paths start at <c>3.0/</c>.</summary>
    [JsonIgnore]
    public Uri BaseUrl => BaseUrlOverride is { } overridden ? Root(overridden) : new Uri($"https://{DataCenter}.api.mailchimp.com/");

    /// <summary>Binds and checks <paramref name="config"/>; every problem names its setting.</summary>
    public static MailchimpConfig From(ConnectorConfig config) => ConnectorSettings.Bind<MailchimpConfig>(config);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ApiKeyText is not null && DataCenter.Length == 0)
        {
            yield return new ValidationResult("The setting 'api_key' must be a whole Mailchimp API key, ending with its data center such as -us14. Copy it from Profile > Extras > API keys.");
        }
    }

    /// <summary>The root without a trailing <c>/3.0</c>, so both forms of an override work.</summary>
    private static Uri Root(Uri uri)
    {
        var text = uri.AbsoluteUri.TrimEnd('/');
        text = text.EndsWith("/3.0", StringComparison.Ordinal) ? text[..^4] : text;
        return new Uri(text + "/");
    }

    [GeneratedRegex("^[0-9A-Za-z]+-([a-z]+[0-9]+)$")]
    private static partial Regex KeySuffix();
}
