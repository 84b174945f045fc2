using System.Text.Json.Nodes;

namespace ConnectorHub.Core.Syncs;

/// <summary>What a client sends to create or change a sync.</summary>
public sealed record SyncRequest
{
    /// <summary>Unique display name.</summary>
    public required string Name { get; init; }

    /// <summary>The source connection.</summary>
    public Guid SourceConnectionId { get; init; }

    /// <summary>The destination connection; null syncs into the hub's profile store.</summary>
    public Guid? DestinationConnectionId { get; init; }

    /// <summary>The streams to move.</summary>
    public IReadOnlyList<SyncStream> Streams { get; init; } = [];

    /// <summary>Target settings for the destination (audience id, list id, ...).</summary>
    public JsonObject? DestinationSettings { get; init; }

    /// <summary>Cron expression (<c>0 2 * * *</c> is 02:00 daily; six fields put seconds first); null for manual runs only.</summary>
    public string? ScheduleCron { get; init; }

    /// <summary>IANA time zone of the schedule (<c>Europe/London</c>); null is UTC.</summary>
    public string? ScheduleTimeZone { get; init; }

    /// <summary>Whether the schedule fires.</summary>
    public bool Enabled { get; init; } = true;
}
