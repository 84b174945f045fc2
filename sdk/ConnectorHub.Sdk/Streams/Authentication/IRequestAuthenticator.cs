namespace ConnectorHub.Sdk.Streams.Authentication;

/// <summary>
/// Puts credentials on every attempt of every request, and refreshes them once when the platform answers 401.
/// One per source call, shared by its streams (so one refresh at a time serves them all).
/// </summary>
public interface IRequestAuthenticator : IDisposable
{
    /// <summary>Adds the credentials to <paramref name="request"/> (called for every attempt).</summary>
    ValueTask AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken);

    /// <summary>After a 401: refreshes the credentials and returns true to send again, or false when they cannot be refreshed.</summary>
    Task<bool> RefreshAfterRejectionAsync(CancellationToken cancellationToken);
}

/// <summary>Creates a source call's authenticator from what the call has.</summary>
public delegate IRequestAuthenticator AuthenticatorFactory(AuthenticationContext context);
