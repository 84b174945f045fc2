using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Destinations;

namespace ConnectorHub.Core.Activation;

/// <summary>A stored activation.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">Its name.</param>
/// <param name="SegmentId">The segment sent.</param>
/// <param name="DestinationConnectionId">The destination connection.</param>
/// <param name="Mode">AddRemove, Mirror or Upsert.</param>
/// <param name="Mapping">Identifier and trait mapping (on top of the defaults).</param>
/// <param name="Settings">The destination's write settings.</param>
/// <param name="RequiredConsent">The consent that must not be refused, or null.</param>
/// <param name="Schedule">Its own cron schedule, or null.</param>
/// <param name="TimeZone">The schedule's time zone, or null for UTC.</param>
/// <param name="Enabled">Whether it runs unattended.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
public sealed record ActivationView(
    long Id,
    string Name,
    long SegmentId,
    Guid DestinationConnectionId,
    DestinationSyncMode Mode,
    ActivationMapping Mapping,
    JsonObject Settings,
    string? RequiredConsent,
    string? Schedule,
    string? TimeZone,
    bool Enabled,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
