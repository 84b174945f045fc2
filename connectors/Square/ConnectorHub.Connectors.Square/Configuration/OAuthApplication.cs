using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Connectors.Square.Configuration;

/// <summary>An OAuth application that refreshes the connection's tokens.</summary>
/// <param name="ClientId">The application id.</param>
/// <param name="ClientSecret">The application secret.</param>
internal sealed record OAuthApplication(string ClientId, string ClientSecret)
{
    private static readonly string[] Settings = ["client_id", "client_secret", "refresh_token"];

    /// <summary>The application when refresh is configured; throws when it is half configured.</summary>
    public static OAuthApplication? From(ConnectorConfig config)
    {
        var parts = Settings.Select(name => (name, value: config.GetString(name))).ToArray();
        var set = parts.Where(p => !string.IsNullOrWhiteSpace(p.value)).Select(p => p.name).ToArray();
        if (set.Length == 0)
        {
            return null;
        }

        if (set.Length < parts.Length)
        {
            throw new ConfigurationException(
                $"OAuth refresh needs 'client_id', 'client_secret' and 'refresh_token' together; missing {string.Join(", ", parts.Select(p => p.name).Except(set).Select(n => $"'{n}'"))}. Reconnect the Square account, or remove them and use a personal 'access_token'.");
        }

        return new OAuthApplication(parts[0].value!.Trim(), parts[1].value!.Trim());
    }
}
