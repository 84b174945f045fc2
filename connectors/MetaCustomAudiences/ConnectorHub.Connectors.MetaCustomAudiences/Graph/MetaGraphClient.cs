using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ConnectorHub.Connectors.MetaCustomAudiences.Configuration;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Http;

namespace ConnectorHub.Connectors.MetaCustomAudiences.Graph;

/// <summary>The Graph API calls this connector makes, over <see cref="ConnectorHttpClient"/> with Meta's error rules.</summary>
internal sealed class MetaGraphClient : IDisposable
{
    private readonly ConnectorHttpClient _http;
    private readonly string _version;

    public MetaGraphClient(ConnectorContext context, MetaConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        _version = config.ApiVersion;
        _http = new ConnectorHttpClient(context, Options(config));
    }

    /// <summary>
    /// Bearer auth (the token never goes in a URL), Meta's classification, and patience for throttling: waits of
    /// what the usage headers ask, as many as Meta asks for while they add up to at most
    /// <see cref="ThrottlingPatience"/>, then the caller reports the records as to retry later.
    /// </summary>
    public static ConnectorHttpOptions Options(MetaConfig config) => new()
    {
        BaseAddress = config.Root,
        Authenticate = (request, _) =>
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", config.Token);
            return ValueTask.CompletedTask;
        },
        Classify = GraphFailureClassifier.Classify,
        SecretValues = [config.Token],
        MaxRateLimitWaitTotal = ThrottlingPatience,
        DefaultRateLimitDelay = TimeSpan.FromMinutes(1),
        MaxRateLimitDelay = TimeSpan.FromHours(1),
        BaseDelay = TimeSpan.FromSeconds(2),
        AttemptTimeout = TimeSpan.FromMinutes(5),
    };

    /// <summary>
    /// How long one request may wait out throttling in all: an hour; beyond it the records are reported to retry in a
    /// later run rather than holding this one.
    /// </summary>
    public static TimeSpan ThrottlingPatience { get; } = TimeSpan.FromHours(1);

    /// <summary>GETs <c>/{version}/{node}?{query}</c>.</summary>
    public Task<JsonNode?> GetAsync(string node, string query, CancellationToken cancellationToken) =>
        _http.GetJsonAsync($"{_version}/{node}?{query}", cancellationToken);

    /// <summary>Adds (POST) or removes (DELETE) users of an audience.</summary>
    public Task<JsonNode?> SendUsersAsync(string audienceId, bool remove, JsonObject body, CancellationToken cancellationToken) =>
        _http.SendJsonAsync(remove ? HttpMethod.Delete : HttpMethod.Post, $"{_version}/{Uri.EscapeDataString(audienceId)}/users", body, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
