using System.Text.Json;
using System.Text.Json.Nodes;

namespace ConnectorHub.Core.Syncs;

/// <summary>A sync as the API shows it.</summary>
public sealed record SyncView(
    Guid Id,
    string Name,
    Guid SourceConnectionId,
    Guid? DestinationConnectionId,
    IReadOnlyList<SyncStream> Streams,
    JsonObject DestinationSettings,
    string? ScheduleCron,
    string? ScheduleTimeZone,
    bool Enabled,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    internal static readonly JsonSerializerOptions StreamJson = new(JsonSerializerDefaults.Web);

    /// <summary>The view of a stored sync.</summary>
    public static SyncView From(Sync sync)
    {
        ArgumentNullException.ThrowIfNull(sync);
        return new(sync.Id, sync.Name, sync.SourceConnectionId, sync.DestinationConnectionId, StreamsOf(sync),
            JsonNode.Parse(sync.DestinationSettings)!.AsObject(), sync.ScheduleCron, sync.ScheduleTimeZone, sync.Enabled, sync.CreatedAt, sync.UpdatedAt);
    }

    /// <summary>The configured streams of a stored sync.</summary>
    public static IReadOnlyList<SyncStream> StreamsOf(Sync sync)
    {
        ArgumentNullException.ThrowIfNull(sync);
        return JsonSerializer.Deserialize<List<SyncStream>>(sync.Streams, StreamJson) ?? [];
    }
}
