using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Connectors.Webhook.Configuration;

/// <summary>Validates the Webhook destination's configuration and turns it into <see cref="WebhookSettings"/>.</summary>
internal static class WebhookSettingsReader
{
    private const int MinSecretLength = 16;
    private static readonly string[] Settings = ["url", "signing_secret", "headers", "secret_headers", "batch_size", "timeout_seconds"];

    /// <summary>The validated settings; throws a configuration error naming the first bad setting.</summary>
    public static WebhookSettings Read(ConnectorConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        foreach (var (name, _) in config.ToJson())
        {
            if (!Settings.Contains(name))
            {
                throw Invalid($"'{name}' is not a setting of the webhook connector. Known settings: {string.Join(", ", Settings)}.");
            }
        }

        var url = ReadUrl(config);
        var secret = config.GetString("signing_secret");
        if (secret is not null && secret.Length < MinSecretLength)
        {
            throw Invalid($"'signing_secret' must be at least {MinSecretLength} characters long; use a long random value, such as 32 random bytes in hex.");
        }

        var plain = WebhookHeaderRules.Read(config.GetNode("headers"), "headers");
        var hidden = WebhookHeaderRules.Read(config.GetNode("secret_headers"), "secret_headers");
        if (plain.Select(h => h.Key).Intersect(hidden.Select(h => h.Key), StringComparer.OrdinalIgnoreCase).FirstOrDefault() is { } twice)
        {
            throw Invalid($"The header '{twice}' is set in both 'headers' and 'secret_headers'; keep it in one of them.");
        }

        return new WebhookSettings
        {
            Url = url,
            SigningSecret = secret,
            Headers = [.. plain, .. hidden],
            SecretValues = hidden.Select(h => h.Value).Append(secret).OfType<string>().ToArray(),
            BatchSize = ReadRange(config, "batch_size", WebhookSettings.DefaultBatchSize, 1, WebhookSettings.MaxBatchSize),
            Timeout = TimeSpan.FromSeconds(ReadRange(config, "timeout_seconds", WebhookSettings.DefaultTimeoutSeconds, 1, 300)),
        };
    }

    private static Uri ReadUrl(ConnectorConfig config)
    {
        var url = config.GetUri("url") ?? throw Invalid("'url' is required: the http or https address batches are POSTed to.");
        if (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
        {
            throw Invalid($"'url' must be an http or https address; got a {url.Scheme} URL.");
        }

        if (url.UserInfo.Length > 0)
        {
            throw Invalid("'url' must not carry a user name or password; put credentials in 'secret_headers' (for example an Authorization header).");
        }

        return url;
    }

    private static int ReadRange(ConnectorConfig config, string name, int defaultValue, int min, int max)
    {
        var value = config.GetInt32(name, defaultValue);
        return value < min || value > max
            ? throw Invalid($"'{name}' must be between {min} and {max}; got {value}.")
            : value;
    }

    /// <summary>A configuration error with <paramref name="message"/> and where to fix it.</summary>
    internal static ConfigurationException Invalid(string message) =>
        new($"{message} Correct it in the connection's configuration.");
}
