using System.Text.Json.Nodes;

namespace ConnectorHub.Core.Tracking.Messages;

/// <summary>One valid Segment call (identify, track, page, screen, group or alias), with its times settled.</summary>
public sealed record TrackingMessage
{
    /// <summary>identify, track, page, screen, group or alias.</summary>
    public required string Type { get; init; }

    /// <summary>The client's message id, or one the hub generated when it had none.</summary>
    public required string MessageId { get; init; }

    /// <summary>The known user's id.</summary>
    public string? UserId { get; init; }

    /// <summary>The anonymous visitor's id.</summary>
    public string? AnonymousId { get; init; }

    /// <summary>The track event's name, or the page or screen name.</summary>
    public string? Name { get; init; }

    /// <summary>The group (account) id of a group call.</summary>
    public string? GroupId { get; init; }

    /// <summary>The previous id of an alias call.</summary>
    public string? PreviousId { get; init; }

    /// <summary>Properties of track, page and screen calls.</summary>
    public JsonObject? Properties { get; init; }

    /// <summary>Traits of identify (the person) and group (the account) calls.</summary>
    public JsonObject? Traits { get; init; }

    /// <summary>The context, with the batch's context merged in.</summary>
    public JsonObject? Context { get; init; }

    /// <summary>The call's <c>integrations</c> (which destinations Segment would send it to), kept as sent.</summary>
    public JsonObject? Integrations { get; init; }

    /// <summary>The call's position in its request: its index in the batch, 0 for a single call.</summary>
    public int Index { get; init; }

    /// <summary>When it happened, corrected for the client's clock skew.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>When the client sent it.</summary>
    public DateTimeOffset? SentAt { get; init; }

    /// <summary>When the hub received it.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }
}
