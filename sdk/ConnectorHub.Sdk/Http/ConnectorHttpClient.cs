using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Sdk.Http;

/// <summary>
/// The HTTP client connectors use. It authenticates each attempt, retries transient failures with exponential
/// backoff and jitter, waits out rate limits as long as the platform asks, refreshes expired credentials once,
/// and turns any other failure into a classified <see cref="ConnectorException"/> carrying the redacted exchange
/// (all of it done by <see cref="ResilientHttpHandler"/>, which SDK 2's HTTP streams run over too).
/// </summary>
public sealed class ConnectorHttpClient : IDisposable
{
    private readonly HttpClient _http;

    /// <summary>Creates a client over the host's HTTP handler from <paramref name="context"/>.</summary>
    public ConnectorHttpClient(ConnectorContext context, ConnectorHttpOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        _http = new HttpClient(new ResilientHttpHandler(context.CreateHttpHandler(), options, context.Time, context.Logger), disposeHandler: true)
        {
            BaseAddress = options.BaseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>
    /// Sends a request built by <paramref name="createRequest"/> (called again for every attempt) and returns the
    /// successful response; every failure is retried or thrown as a classified <see cref="ConnectorException"/>.
    /// </summary>
    public Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(createRequest);
        var first = createRequest();
        first.Options.Set(ResilientHttpHandler.RebuildForEachAttempt, createRequest);
        return _http.SendAsync(first, HttpCompletionOption.ResponseContentRead, cancellationToken);
    }

    /// <summary>Sends a request and parses the JSON answer (null for an empty body).</summary>
    public async Task<JsonNode?> SendForJsonAsync(Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(createRequest, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new ConnectorInternalException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered a body that is not JSON: {ex.Message}",
                innerException: ex);
        }
    }

    /// <summary>GETs <paramref name="uri"/> and parses the JSON answer.</summary>
    public Task<JsonNode?> GetJsonAsync(string uri, CancellationToken cancellationToken) =>
        SendForJsonAsync(() => new HttpRequestMessage(HttpMethod.Get, uri), cancellationToken);

    /// <summary>Sends <paramref name="body"/> as JSON with <paramref name="method"/> and parses the JSON answer.</summary>
    public Task<JsonNode?> SendJsonAsync(HttpMethod method, string uri, JsonNode? body, CancellationToken cancellationToken) =>
        SendForJsonAsync(
            () => new HttpRequestMessage(method, uri) { Content = body is null ? null : JsonContent.Create(body) },
            cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
