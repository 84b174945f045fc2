using System.Text.RegularExpressions;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Connectors.Mailchimp.Configuration;

/// <summary>The connection's settings, checked.</summary>
/// <param name="ApiKey">The API key (secret), ending with its data center (<c>-us14</c>).</param>
/// <param name="DataCenter">The data center parsed from the key.</param>
/// <param name="BaseUrl">The API root, <c>https://{dc}.api.mailchimp.com/</c> unless overridden; paths start at <c>3.0/</c>.</param>
/// <param name="MaxConnections">How many requests may be in flight at once (Mailchimp allows 10 per user, shared with every other integration).</param>
internal sealed partial record MailchimpConfig(string ApiKey, string DataCenter, Uri BaseUrl, int MaxConnections)
{
    public const int DefaultMaxConnections = 3;

    public static MailchimpConfig From(ConnectorConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var key = config.GetRequiredString("api_key").Trim();
        var match = KeySuffix().Match(key);
        if (!match.Success)
        {
            throw new ConfigurationException(
                "The setting 'api_key' must be a whole Mailchimp API key, ending with its data center such as -us14. Copy it from Profile > Extras > API keys.");
        }

        var dataCenter = match.Groups[1].Value;
        var baseUrl = config.GetUri("base_url") is { } overridden ? Root(overridden) : new Uri($"https://{dataCenter}.api.mailchimp.com/");
        var connections = config.GetInt32("max_connections", DefaultMaxConnections);
        if (connections is < 1 or > 10)
        {
            throw new ConfigurationException($"The setting 'max_connections' must be between 1 and 10 (Mailchimp allows 10 simultaneous connections per user); got {connections}.");
        }

        return new MailchimpConfig(key, dataCenter, baseUrl, connections);
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
