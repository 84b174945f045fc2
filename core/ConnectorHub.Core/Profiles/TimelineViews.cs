using System.Text.Json;

namespace ConnectorHub.Core.Profiles;

/// <summary>An event on a profile's timeline.</summary>
/// <param name="Id">The hub's id of the event.</param>
/// <param name="Source">The source that received it.</param>
/// <param name="MessageId">Its message id.</param>
/// <param name="Type">track, page, screen, identify, group or alias.</param>
/// <param name="Name">Its name.</param>
/// <param name="UserId">The user id it carried.</param>
/// <param name="AnonymousId">The anonymous id it carried.</param>
/// <param name="Properties">Its properties.</param>
/// <param name="Context">Its context.</param>
/// <param name="Timestamp">When it happened.</param>
/// <param name="ReceivedAt">When the hub received it.</param>
/// <param name="Integrations">The tracking call's <c>integrations</c>, as sent.</param>
public sealed record EventView(
    long Id, string Source, string MessageId, string Type, string? Name, string? UserId, string? AnonymousId,
    JsonElement? Properties, JsonElement? Context, DateTimeOffset Timestamp, DateTimeOffset ReceivedAt, JsonElement? Integrations = null);

/// <summary>An order of a profile.</summary>
/// <param name="Source">The source that reported it.</param>
/// <param name="OrderId">Its id there.</param>
/// <param name="Channel">online or in_store.</param>
/// <param name="Status">Its status.</param>
/// <param name="Currency">ISO 4217 currency.</param>
/// <param name="Total">What the customer paid.</param>
/// <param name="LineItems">The items bought.</param>
/// <param name="PlacedAt">When it was placed.</param>
/// <param name="UpdatedAt">When it last changed.</param>
public sealed record OrderView(
    string Source, string OrderId, string Channel, string? Status, string Currency, decimal Total, JsonElement? LineItems,
    DateTimeOffset PlacedAt, DateTimeOffset? UpdatedAt);
