using ConnectorHub.Sdk.Errors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;

namespace ConnectorHub.Sdk.Http;

/// <summary>
/// The SDK's resilient HTTP handler, under both <see cref="ConnectorHttpClient"/> and SDK 2's HTTP streams (RestSharp):
/// it authenticates every attempt, refreshes credentials once after a 401, retries transient failures with
/// exponential backoff and jitter, waits out rate limits as long as the platform asks, and turns any other failure
/// into a classified <see cref="ConnectorException"/> carrying the redacted exchange. A response the classifier
/// hands back (<see cref="HttpFailure.HandBack"/>) is returned to the caller as it is.
/// </summary>
public sealed class ResilientHttpHandler : DelegatingHandler
{
    // How long the request under way has waited out rate limits (per execution: Polly's context is per call).
    private static readonly ResiliencePropertyKey<TimeSpan> RateLimitWaited = new("ConnectorHub.RateLimitWaited");

    /// <summary>
    /// A request option: builds the request again for every attempt after the first (a request signed with the time of
    /// sending, say), instead of sending the same message again. <see cref="ConnectorHttpClient"/> sets it.
    /// </summary>
    public static HttpRequestOptionsKey<Func<HttpRequestMessage>> RebuildForEachAttempt { get; } = new("ConnectorHub.RebuildForEachAttempt");

    private readonly ConnectorHttpOptions _options;
    private readonly ILogger _logger;
    private readonly FailedRequestRecorder _recorder;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    /// <summary>Creates the handler over <paramref name="inner"/> (the host's handler, which enforces allowed hosts).</summary>
    public ResilientHttpHandler(HttpMessageHandler inner, ConnectorHttpOptions options, TimeProvider time, ILogger? logger = null)
        : base(inner)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        ArgumentNullException.ThrowIfNull(time);
        _logger = logger ?? NullLogger.Instance;
        _recorder = new FailedRequestRecorder(options.SecretValues);
        _pipeline = BuildPipeline(time, options);
    }

    /// <summary>The recorder that redacts this handler's failures, for callers that record failures of their own.</summary>
    public FailedRequestRecorder Recorder => _recorder;

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Options.TryGetValue(RebuildForEachAttempt, out var rebuild);
        var attempts = 0;
        return await _pipeline.ExecuteAsync(
            async token => await AttemptAsync(() => attempts++ == 0 || rebuild is null ? request : Rebuilt(rebuild), token),
            cancellationToken);
    }

    /// <summary>A request built again; a relative URI is resolved as the HttpClient resolved the first one's.</summary>
    private HttpRequestMessage Rebuilt(Func<HttpRequestMessage> rebuild)
    {
        var request = rebuild();
        if (request.RequestUri is { IsAbsoluteUri: false } relative && _options.BaseAddress is { } baseAddress)
        {
            request.RequestUri = new Uri(baseAddress, relative);
        }

        return request;
    }

    private async Task<HttpResponseMessage> AttemptAsync(Func<HttpRequestMessage> next, CancellationToken cancellationToken)
    {
        var refreshed = false;
        while (true)
        {
            var request = next();
            if (request.Content is not null)
            {
                await request.Content.LoadIntoBufferAsync(cancellationToken);
            }

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

            await response.Content.LoadIntoBufferAsync(cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if ((int)response.StatusCode == 401 && !refreshed && _options.RefreshCredentials is { } refresh)
            {
                refreshed = true;
                if (await refresh(cancellationToken))
                {
                    response.Dispose();
                    continue;
                }
            }

            var failure = _options.Classify?.Invoke(response, body) ?? HttpFailure.Default(response, body);
            if (ReferenceEquals(failure, HttpFailure.HandBack))
            {
                return response;
            }

            using (response)
            {
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
            var response = await base.SendAsync(request, timeout.Token);
            return response;
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

    private ResiliencePipeline<HttpResponseMessage> BuildPipeline(TimeProvider time, ConnectorHttpOptions options) =>
        new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
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
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>().Handle<TransientException>(),
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
