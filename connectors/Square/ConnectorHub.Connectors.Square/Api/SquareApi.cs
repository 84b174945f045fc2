using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ConnectorHub.Connectors.Square.Configuration;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Http;
using ConnectorHub.Sdk.Http.OAuth;
using Polly;

namespace ConnectorHub.Connectors.Square.Api;

/// <summary>
/// The Square calls of one run, over <see cref="ConnectorHttpClient"/>: Bearer token (refreshed through OAuth when
/// configured), the pinned <c>Square-Version</c>, Square's error classification, and on 429 the exponential backoff
/// Square asks of clients (1 s, 2 s, 4 s, ... with jitter, capped at 64 s; it sends no Retry-After) as a Polly retry.
/// </summary>
internal sealed class SquareApi : IDisposable
{
    private static readonly string[] SecretSettings = ["access_token", "client_secret", "refresh_token"];

    private readonly ConnectorHttpClient _http;
    private readonly OAuthTokenManager? _tokens;

    public SquareApi(ConnectorContext context, SquareSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.OAuth is { } application)
        {
            _tokens = new OAuthTokenManager(context, new SquareOAuthRefresh(context, settings, application).RefreshAsync);
        }

        var staticToken = context.Config.GetString("access_token");
        _http = new ConnectorHttpClient(context, new ConnectorHttpOptions
        {
            BaseAddress = settings.BaseUrl,
            Authenticate = async (request, token) =>
            {
                var accessToken = _tokens is null ? staticToken! : await _tokens.GetAccessTokenAsync(token);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
                request.Headers.Add("Square-Version", settings.SquareVersion);
            },
            RefreshCredentials = _tokens is null ? null : _tokens.RefreshAfterRejectionAsync,
            Classify = SquareFailureClassifier.Classify,
            SecretValues = SecretsOf(context.Config),
            MaxRateLimitWaits = 30,
            DefaultRateLimitDelay = TimeSpan.FromSeconds(1),
            RateLimitBackoff = DelayBackoffType.Exponential,
            MaxRateLimitDelay = TimeSpan.FromSeconds(64),
        });
    }

    /// <summary>GETs <paramref name="pathAndQuery"/> (relative to the API root).</summary>
    public Task<JsonObject> GetAsync(string pathAndQuery, CancellationToken cancellationToken) =>
        SendAsync(() => _http.GetJsonAsync(pathAndQuery, cancellationToken), pathAndQuery);

    /// <summary>POSTs <paramref name="body"/> as JSON to <paramref name="path"/>.</summary>
    public Task<JsonObject> PostAsync(string path, JsonObject body, CancellationToken cancellationToken) =>
        SendAsync(() => _http.SendJsonAsync(HttpMethod.Post, path, body, cancellationToken), path);

    /// <inheritdoc />
    public void Dispose()
    {
        _http.Dispose();
        _tokens?.Dispose();
    }

    private static async Task<JsonObject> SendAsync(Func<Task<JsonNode?>> send, string path)
    {
        return await send() as JsonObject
            ?? throw new ConnectorInternalException($"Square answered {path} with a body that is not a JSON object.");
    }

    private static string[] SecretsOf(ConnectorConfig config) =>
        SecretSettings.Select(name => config.GetString(name)).OfType<string>().Where(s => s.Length > 0).ToArray();
}
