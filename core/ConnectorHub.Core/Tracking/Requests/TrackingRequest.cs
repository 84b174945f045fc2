using ConnectorHub.Core.Tracking.Messages;

namespace ConnectorHub.Core.Tracking.Requests;

/// <summary>A tracking request read: its valid messages and every rejected one with the reason.</summary>
/// <param name="WriteKey">The <c>writeKey</c> of the body, when it carries one.</param>
/// <param name="Messages">The valid messages, in request order.</param>
/// <param name="Rejected">The invalid ones.</param>
public sealed record TrackingRequest(string? WriteKey, IReadOnlyList<TrackingMessage> Messages, IReadOnlyList<RejectedMessage> Rejected);

/// <summary>A message the hub did not store, and why.</summary>
/// <param name="Index">Its position in the batch (0 for a single call).</param>
/// <param name="MessageId">Its messageId, when it had a readable one.</param>
/// <param name="Reason">What is wrong and how to fix it.</param>
public sealed record RejectedMessage(int Index, string? MessageId, string Reason);

/// <summary>A request refused as a whole (unreadable JSON or compression, too large), with the HTTP status to answer.</summary>
public sealed class TrackingRequestException : Exception
{
    /// <summary>Creates the refusal.</summary>
    public TrackingRequestException(int statusCode, string message, JsonErrorPosition? position = null)
        : base(message)
    {
        StatusCode = statusCode;
        Position = position;
    }

    /// <summary>The HTTP status: 400, as Segment answers every request it refuses for its content or size.</summary>
    public int StatusCode { get; }

    /// <summary>Where the JSON is malformed, for a 400 about JSON.</summary>
    public JsonErrorPosition? Position { get; }
}
