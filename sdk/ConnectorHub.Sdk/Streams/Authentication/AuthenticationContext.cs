using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Http;

namespace ConnectorHub.Sdk.Streams.Authentication;

/// <summary>What an authenticator is created with: the call's context, the API's base address and its name for messages.</summary>
public sealed class AuthenticationContext
{
    /// <summary>Creates the context (the source does, once per call; tests of an authenticator may too).</summary>
    public AuthenticationContext(ConnectorContext connector, Uri baseAddress, string platform, IReadOnlyCollection<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(baseAddress);
        ArgumentNullException.ThrowIfNull(secrets);
        Connector = connector;
        BaseAddress = baseAddress;
        Platform = platform;
        Secrets = secrets;
    }

    /// <summary>The call's context (config, clock, config updater, HTTP handler).</summary>
    public ConnectorContext Connector { get; }

    /// <summary>The API's base address (a relative token endpoint is resolved against it).</summary>
    public Uri BaseAddress { get; }

    /// <summary>The platform's name, for messages (<c>HubSpot</c>).</summary>
    public string Platform { get; }

    /// <summary>The secret values to redact.</summary>
    public IReadOnlyCollection<string> Secrets { get; }

    /// <summary>
    /// A client for a token endpoint: resilient like the API's, and a refused grant (400/401) is a configuration
    /// error that says to reconnect.
    /// </summary>
    public ConnectorHttpClient CreateTokenClient() => new(Connector, new ConnectorHttpOptions
    {
        BaseAddress = BaseAddress,
        SecretValues = Secrets,
        Classify = (response, body) => (int)response.StatusCode is 400 or 401
            ? new HttpFailure(ErrorCategory.Configuration, $"{Platform} refused to refresh the OAuth token ({HttpFailure.Default(response, body).Message}). The refresh token was revoked or belongs to another app: reconnect the account.")
            : null,
    });
}
