using System.Net.Http.Headers;
using System.Text;

namespace ConnectorHub.Sdk.Streams.Authentication;

/// <summary>Options of the bearer-token authenticator (a private-app token, a personal access token).</summary>
public sealed record BearerAuthenticationOptions
{
    /// <summary>The token.</summary>
    public required string Token { get; init; }
}

/// <summary>Options of the API-key authenticator: a key in a header or a query parameter.</summary>
public sealed record ApiKeyAuthenticationOptions
{
    /// <summary>The key.</summary>
    public required string Key { get; init; }

    /// <summary>The header or query parameter name (for example <c>X-API-Key</c> or <c>api_token</c>).</summary>
    public required string Name { get; init; }

    /// <summary>Whether the key goes in the query string instead of a header.</summary>
    public bool InQuery { get; init; }

    /// <summary>Text before the key in the header (for example <c>Token </c>).</summary>
    public string Prefix { get; init; } = string.Empty;
}

/// <summary>Options of the HTTP basic authenticator.</summary>
public sealed record BasicAuthenticationOptions
{
    /// <summary>The user name (an API key, for APIs such as Stripe that take the key as the user).</summary>
    public required string Username { get; init; }

    /// <summary>The password (empty for key-as-user APIs).</summary>
    public string Password { get; init; } = string.Empty;
}

/// <summary>Credentials that never change: bearer token, API key, basic.</summary>
public sealed class StaticAuthenticator : IRequestAuthenticator
{
    private readonly Action<HttpRequestMessage> _apply;

    private StaticAuthenticator(Action<HttpRequestMessage> apply) => _apply = apply;

    /// <summary>A bearer token.</summary>
    public static StaticAuthenticator Bearer(BearerAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(request => request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Token));
    }

    /// <summary>An API key in a header or the query.</summary>
    public static StaticAuthenticator ApiKey(ApiKeyAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(request =>
        {
            if (options.InQuery)
            {
                var uri = request.RequestUri!;
                var query = string.IsNullOrEmpty(uri.Query) ? "?" : uri.Query + "&";
                var name = Uri.EscapeDataString(options.Name) + "=";
                if (!uri.Query.Contains(name, StringComparison.Ordinal))
                {
                    request.RequestUri = new UriBuilder(uri) { Query = (query + name + Uri.EscapeDataString(options.Key)).TrimStart('?') }.Uri;
                }
            }
            else
            {
                request.Headers.Remove(options.Name);
                request.Headers.TryAddWithoutValidation(options.Name, options.Prefix + options.Key);
            }
        });
    }

    /// <summary>HTTP basic credentials.</summary>
    public static StaticAuthenticator Basic(BasicAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Username}:{options.Password}"));
        return new(request => request.Headers.Authorization = new AuthenticationHeaderValue("Basic", encoded));
    }

    /// <inheritdoc />
    public ValueTask AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        _apply(request);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> RefreshAfterRejectionAsync(CancellationToken cancellationToken) => Task.FromResult(false);

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
