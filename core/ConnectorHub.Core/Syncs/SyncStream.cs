using System.Text.Json.Serialization;
using ConnectorHub.Sdk.Destinations;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Core.Syncs;

/// <summary>One stream a sync moves: how it is read, keyed, mapped and written.</summary>
public sealed record SyncStream
{
    /// <summary>The stream's name as the source discovered it.</summary>
    public required string Name { get; init; }

    /// <summary>Full refresh or incremental.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<SyncMode>))]
    public SyncMode SyncMode { get; init; } = SyncMode.FullRefresh;

    /// <summary>Cursor field path; empty uses the stream's default.</summary>
    public IReadOnlyList<string> CursorField { get; init; } = [];

    /// <summary>Primary key (one path per component); empty uses the stream's default.</summary>
    public IReadOnlyList<IReadOnlyList<string>> PrimaryKey { get; init; } = [];

    /// <summary>How records are applied at the destination.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<DestinationSyncMode>))]
    public DestinationSyncMode DestinationMode { get; init; } = DestinationSyncMode.Upsert;

    /// <summary>
    /// The mapping applied to each record: null sends records as read (a destination sync) or uses the connector's
    /// default mapping for the stream (a sync into the hub); otherwise an inline mapping document (YAML or JSON).
    /// </summary>
    public string? Mapping { get; init; }
}
