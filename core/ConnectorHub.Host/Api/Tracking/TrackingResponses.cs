using System.Globalization;
using ConnectorHub.Core.Tracking.Requests;

namespace ConnectorHub.Host.Api.Tracking;

/// <summary>
/// The bodies the tracking API answers, in Segment's shape (<c>success</c>) with the hub's details: how many events were
/// accepted and every rejected one with its index and reason; for refused requests a message and, for bad JSON, where.
/// </summary>
internal static class TrackingResponses
{
    public static IResult Accepted(int accepted, IReadOnlyList<RejectedMessage> rejected) =>
        Results.Json(new AcceptedBody(true, accepted, rejected.Select(r => new RejectedBody(r.Index, r.MessageId, r.Reason)).ToArray()), statusCode: StatusCodes.Status200OK);

    public static IResult Refused(int status, string message, JsonErrorPosition? position = null) =>
        Results.Json(new RefusedBody(false, message, position?.Line, position?.BytePositionInLine, position?.Path), statusCode: status);

    public static IResult RateLimited(TimeSpan retryAfter, HttpContext context)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Refused(StatusCodes.Status429TooManyRequests, $"This tracking source sent more requests than its rate limit allows; retry after {seconds} s (the Retry-After header), or raise ConnectorHub:Tracking:RequestsPerSecond.");
    }

    internal sealed record AcceptedBody(bool Success, int Accepted, IReadOnlyList<RejectedBody> Rejected);

    internal sealed record RejectedBody(int Index, string? MessageId, string Reason);

    internal sealed record RefusedBody(bool Success, string Message, long? Line, long? BytePositionInLine, string? Path);
}
