using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Errors;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace ConnectorHub.Sdk.Http;

/// <summary>
/// The HTTP client connectors use. It authenticates each attempt, retries transient failures with exponential
/// backoff and jitter, waits out rate limits as long as the platform asks, refreshes expired credentials once,
/// and turns any other failure into a classified <see cref="ConnectorException"/> carrying the redacted exchange.
/// </summary>
public sealed class ConnectorHttpClient : IDisposable
{
    // How long the request under way has waited out rate limits (per execution: Polly's context is per call).
    private static readonly ResiliencePropertyKey<TimeSpan> RateLimitWaited = new("ConnectorHub.RateLimitWaited");

    private readonly HttpClient _http;
    private readonly ConnectorHttpOptions _options;
    private readonly ILogger _logger;
    private readonly FailedRequestRecorder _recorder;
    private readonly ResiliencePipeline _pipeline;

    /// <summary>Creates a client over the host's HTTP handler from <paramref name="context"/>.</summary>
    public ConnectorHttpClient(ConnectorContext context, ConnectorHttpOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _logger = context.Logger;
        _recorder = new FailedRequestRecorder(options.SecretValues);
        _http = new HttpClient(context.CreateHttpHandler(), disposeHandler: true)
        {
            BaseAddress = options.BaseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _pipeline = BuildPipeline(context.Time, options);
    }

    /// <summary>
    /// Sends a request built by <paramref name="createRequest"/> (called again for every attempt) and returns the
    /// successful response; every failure is retried or thrown as a classified <see cref="ConnectorException"/>.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(createRequest);
        return await _pipeline.ExecuteAsync(
            static async (state, token) => await state.self.AttemptAsync(state.createRequest, token),
            (self: this, createRequest),
            cancellationToken);
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

    private async Task<HttpResponseMessage> AttemptAsync(Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken)
    {
        var refreshed = false;
        while (true)
        {
            using var request = createRequest();
            if (_options.Authenticate is { } authenticate)
            {
                await authenticate(request, cancellationToken);
            }

            var requestBody = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            var response = await SendOnceAsync(request, requestBody, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            using (response)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if ((int)response.StatusCode == 401 && !refreshed && _options.RefreshCredentials is { } refresh)
                {
                    refreshed = true;
                    if (await refresh(cancellationToken))
                    {
                        continue;
                    }
                }

                var failure = _options.Classify?.Invoke(response, body) ?? HttpFailure.Default(response, body);
                var record = _recorder.Record(request, requestBody, response, body);
                var message = _recorder.Redact(failure.Message);
                throw failure.Category switch
                {
                    ErrorCategory.Configuration => new ConfigurationException(message, record),
                    ErrorCategory.Transient => new TransientException(message, record),
                    ErrorCategory.RateLimited => new RateLimitedException(message, failure.RetryAfter, record),
                    _ => (ConnectorException)new ConnectorInternalException(message, record),
                };
            }
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, string? requestBody, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.AttemptTimeout);
        try
        {
            return await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
        }
        catch (HttpRequestException ex)
        {
            throw new TransientException(
                _recorder.Redact($"{request.Method} {request.RequestUri?.GetLeftPart(UriPartial.Path)} failed: {ex.Message}"),
                _recorder.Record(request, requestBody, null, null),
                ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TransientException(
                $"{request.Method} {request.RequestUri?.GetLeftPart(UriPartial.Path)} got no answer within {_options.AttemptTimeout.TotalSeconds:0} s.",
                _recorder.Record(request, requestBody, null, null),
                ex);
        }
    }

    private ResiliencePipeline BuildPipeline(TimeProvider time, ConnectorHttpOptions options) =>
        new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is RateLimitedException limited && WithinWaitBudget(args.Context, RateLimitDelay(limited, options), options)),
                MaxRetryAttempts = options.MaxRateLimitWaits,

                // Without a Retry-After, Polly's own backoff: constant, or growing with jitter up to the cap.
                BackoffType = options.RateLimitBackoff,
                UseJitter = options.RateLimitBackoff != DelayBackoffType.Constant,
                Delay = options.DefaultRateLimitDelay,
                MaxDelay = options.MaxRateLimitDelay,
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Exception is RateLimitedException { RetryAfter: { } } limited ? RateLimitDelay(limited, options) : (TimeSpan?)null),
                OnRetry = args =>
                {
                    args.Context.Properties.Set(RateLimitWaited, Waited(args.Context) + args.RetryDelay);
                    _logger.LogWarning("Rate limited ({Message}); waiting {Delay} before trying again.", args.Outcome.Exception?.Message, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<TransientException>(),
                MaxRetryAttempts = options.MaxTransientRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                OnRetry = args =>
                {
                    _logger.LogWarning("Transient failure ({Message}); retry {Attempt} in {Delay}.", args.Outcome.Exception?.Message, args.AttemptNumber + 1, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();

    private static TimeSpan Waited(ResilienceContext context) =>
        context.Properties.TryGetValue(RateLimitWaited, out var waited) ? waited : TimeSpan.Zero;

    private static bool WithinWaitBudget(ResilienceContext context, TimeSpan next, ConnectorHttpOptions options) =>
        options.MaxRateLimitWaitTotal is not { } budget || Waited(context) + next <= budget;

    private static TimeSpan RateLimitDelay(RateLimitedException? exception, ConnectorHttpOptions options)
    {
        var wait = exception?.RetryAfter ?? options.DefaultRateLimitDelay;
        return wait > options.MaxRateLimitDelay ? options.MaxRateLimitDelay : wait;
    }
}
