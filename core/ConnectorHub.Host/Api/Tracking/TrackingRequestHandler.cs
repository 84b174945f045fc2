using System.Globalization;
using ConnectorHub.Core.Tracking;
using ConnectorHub.Core.Tracking.Ingestion;
using ConnectorHub.Core.Tracking.Keys;
using ConnectorHub.Core.Tracking.RateLimits;
using ConnectorHub.Core.Tracking.Requests;
using ConnectorHub.Host.Api.Tracking.Browser;
using Microsoft.Extensions.Options;

namespace ConnectorHub.Host.Api.Tracking;

/// <summary>
/// One tracking call: the body read (inflated when compressed) within the request limit, the write key checked (401),
/// the source's rate (429), the events validated (invalid ones listed in the answer) and committed through the
/// group-commit writer. A 200 means every accepted event is committed.
/// </summary>
internal sealed class TrackingRequestHandler(
    IOptions<TrackingOptions> options, WriteKeyAuthenticator keys, SourceRateLimiter limiter, TrackingWriter writer, TrackingCors cors, TimeProvider time,
    ILogger<TrackingRequestHandler> logger)
{
    public async Task<IResult> HandleAsync(HttpContext context, string? type)
    {
        var receivedAt = time.GetUtcNow();
        await cors.AllowKnownOriginAsync(context);
        var limits = options.Value;
        var cancellationToken = context.RequestAborted;
        var headerKey = WriteKeyHeader.Read(context.Request);
        var source = headerKey is null ? null : await keys.AuthenticateAsync(headerKey, cancellationToken);
        if (headerKey is not null && source is null)
        {
            return UnknownKey();
        }

        // Segment answers an over-size request 400 (its clients drop it; @segment/analytics-node would retry a 413).
        if (context.Request.ContentLength > limits.MaxRequestBytes)
        {
            return TrackingResponses.Refused(StatusCodes.Status400BadRequest, string.Create(CultureInfo.InvariantCulture,
                $"The request is {context.Request.ContentLength} bytes; the limit is {limits.MaxRequestBytes} bytes per request (send smaller batches)."));
        }

        TrackingRequest request;
        try
        {
            var body = await TrackingBodyReader.ReadAsync(context.Request.Body, context.Request.Headers.ContentEncoding, limits.MaxRequestBytes, cancellationToken);
            request = TrackingRequestReader.Read(body, type, receivedAt, limits);
        }
        catch (TrackingRequestException refused)
        {
            return TrackingResponses.Refused(refused.StatusCode, refused.Message, refused.Position);
        }

        source ??= await keys.AuthenticateAsync(request.WriteKey, cancellationToken);
        if (source is null)
        {
            return UnknownKey();
        }

        if (await cors.RefuseAsync(context, source) is { } refusedOrigin)
        {
            return refusedOrigin;
        }

        var decision = limiter.TryAcquire(source.SourceId);
        if (!decision.Allowed)
        {
            return TrackingResponses.RateLimited(decision.RetryAfter, context);
        }

        IReadOnlyList<RejectedMessage> storeRefused;
        try
        {
            storeRefused = await writer.WriteAsync(source.SourceName, request.Messages, cancellationToken);
        }
        catch (TrackingUnavailableException unavailable)
        {
            logger.LogWarning("Tracking request of source {Source} not committed: {Reason}", source.SourceName, unavailable.InnerException?.Message);
            context.Response.Headers.RetryAfter = "1";
            return TrackingResponses.Refused(StatusCodes.Status503ServiceUnavailable, unavailable.Message);
        }

        return TrackingResponses.Accepted(request.Messages.Count - storeRefused.Count, storeRefused.Count == 0 ? request.Rejected : [.. request.Rejected.Concat(storeRefused).OrderBy(r => r.Index)]);
    }

    private static IResult UnknownKey() => TrackingResponses.Refused(StatusCodes.Status401Unauthorized,
        "The write key is unknown or revoked. Send a tracking source's write key as the HTTP Basic user name (empty password) or as 'writeKey' in the body; an admin creates keys under /api/tracking/sources/{id}/write-keys.");
}
