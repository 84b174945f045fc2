using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ConnectorHub.Connectors.MetaAds.Configuration;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Http;

namespace ConnectorHub.Connectors.MetaAds.Graph;

/// <summary>
/// The Graph calls of one run over <see cref="ConnectorHttpClient"/>: Bearer token (never in a URL), the pinned
/// version in the path, Meta's error classification, and patience for throttling (a source should slow down, not fail).
/// </summary>
internal sealed class GraphApi : IDisposable
{
    private readonly ConnectorHttpClient _http;
    private readonly string _version;

    public GraphApi(ConnectorContext context, MetaAdsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _version = settings.ApiVersion;
        _http = new ConnectorHttpClient(context, new ConnectorHttpOptions
        {
            BaseAddress = settings.BaseUrl,
            Authenticate = (request, _) =>
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.AccessToken);
                return ValueTask.CompletedTask;
            },
            Classify = GraphFailureClassifier.Classify,
            SecretValues = [settings.AccessToken],
            MaxRateLimitWaits = 30,
            DefaultRateLimitDelay = TimeSpan.FromMinutes(1),
            MaxRateLimitDelay = TimeSpan.FromHours(1),
            BaseDelay = TimeSpan.FromSeconds(2),
            AttemptTimeout = TimeSpan.FromMinutes(5),
        });
    }

    /// <summary>GETs <c>/{version}/{path}</c> with <paramref name="parameters"/> in the query.</summary>
    public async Task<JsonObject> GetAsync(string path, IEnumerable<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken) =>
        Object(await _http.GetJsonAsync($"{_version}/{path}?{Query(parameters)}", cancellationToken), path);

    /// <summary>POSTs <paramref name="parameters"/> form-encoded to <c>/{version}/{path}</c>.</summary>
    public async Task<JsonObject> PostAsync(string path, IEnumerable<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
    {
        var fields = parameters.ToArray();
        var answer = await _http.SendForJsonAsync(
            () => new HttpRequestMessage(HttpMethod.Post, $"{_version}/{path}") { Content = new FormUrlEncodedContent(fields) },
            cancellationToken);
        return Object(answer, path);
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private static string Query(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var query = new StringBuilder();
        foreach (var (name, value) in parameters)
        {
            query.Append(query.Length == 0 ? string.Empty : "&").Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return query.ToString();
    }

    private static JsonObject Object(JsonNode? answer, string path) =>
        answer as JsonObject ?? throw new ConnectorInternalException($"Meta answered /{path} with a body that is not a JSON object.");
}
