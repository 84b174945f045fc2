using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Errors;
using RestSharp;

namespace ConnectorHub.Sdk.Streams.Requests;

/// <summary>
/// Sends <see cref="PageRequest"/>s with RestSharp over the SDK's resilient handler (authentication, retries, rate
/// limits, classified failures). One per source call, shared by its streams.
/// </summary>
public sealed class StreamHttp : IDisposable
{
    private readonly RestClient _client;

    /// <summary>Creates the sender over <paramref name="handler"/> (the resilient handler chain).</summary>
    public StreamHttp(HttpMessageHandler handler, Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(baseAddress);
        var http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _client = new RestClient(http, new RestClientOptions(baseAddress) { Timeout = Timeout.InfiniteTimeSpan }, disposeHttpClient: true);
    }

    /// <summary>
    /// Sends <paramref name="request"/>. Failures the resilient handler classifies are thrown as they are; a response
    /// the error handler handed back (ignored, or one bad record) is returned with its status.
    /// </summary>
    public async Task<PageResponse> SendAsync(PageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var rest = new RestRequest(request.Path, ToMethod(request.Method));
        foreach (var (name, value) in request.Query)
        {
            rest.AddQueryParameter(name, value);
        }

        foreach (var (name, value) in request.Headers)
        {
            rest.AddHeader(name, value);
        }

        if (request.Body is not null)
        {
            rest.AddStringBody(request.Body.ToJsonString(), ContentType.Json);
        }

        var response = await _client.ExecuteAsync(rest, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        if (response.ErrorException is { } error && response.StatusCode == 0)
        {
            ExceptionDispatchInfo.Capture(error is HttpRequestException { InnerException: ConnectorException inner } ? inner : error).Throw();
        }

        var headers = (response.Headers ?? []).Concat(response.ContentHeaders ?? [])
            .Where(h => h.Name is not null)
            .GroupBy(h => h.Name!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(h => h.Value?.ToString())), StringComparer.OrdinalIgnoreCase);
        var success = (int)response.StatusCode is >= 200 and < 300;
        var body = success ? Parse(response.Content, request) : Errors.ErrorHandler.TryParse(response.Content);
        return new PageResponse((int)response.StatusCode, headers, body, response.ResponseUri ?? _client.BuildUri(rest), response.Content ?? string.Empty);
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();

    private static JsonNode? Parse(string? content, PageRequest request)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(content);
        }
        catch (JsonException ex)
        {
            throw new ConnectorInternalException($"{request} answered a body that is not JSON: {ex.Message}", innerException: ex);
        }
    }

    private static Method ToMethod(HttpMethod method) => method.Method switch
    {
        "GET" => Method.Get,
        "POST" => Method.Post,
        "PUT" => Method.Put,
        "PATCH" => Method.Patch,
        "DELETE" => Method.Delete,
        "HEAD" => Method.Head,
        _ => throw new NotSupportedException($"The HTTP method {method} is not supported by HTTP streams."),
    };
}
