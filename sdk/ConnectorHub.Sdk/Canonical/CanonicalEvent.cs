using System.Text.Json.Nodes;

namespace ConnectorHub.Sdk.Canonical;

/// <summary>Something a person did (schema <c>event.schema.json</c>), in Segment's spec vocabulary.</summary>
public sealed record CanonicalEvent
{
    /// <summary>Unique per source; retries with the same id are stored once.</summary>
    public required string MessageId { get; init; }

    /// <summary>track, page, screen, identify, group or alias.</summary>
    public required string Type { get; init; }

    /// <summary>The event name (track) or page/screen name.</summary>
    public string? Name { get; init; }

    /// <summary>The source that received it.</summary>
    public string? Source { get; init; }

    /// <summary>The known user's id; this or <see cref="AnonymousId"/> is required.</summary>
    public string? UserId { get; init; }

    /// <summary>The anonymous visitor's id.</summary>
    public string? AnonymousId { get; init; }

    /// <summary>Free-form properties.</summary>
    public JsonObject? Properties { get; init; }

    /// <summary>Page, campaign, device, ip, user agent, locale and more.</summary>
    public JsonObject? Context { get; init; }

    /// <summary>When it happened (clock-skew corrected).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>When the client sent it.</summary>
    public DateTimeOffset? SentAt { get; init; }

    /// <summary>When the hub received it.</summary>
    public DateTimeOffset? ReceivedAt { get; init; }
}
