using ConnectorHub.Sdk.Destinations;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Host.Dashboard.Syncs;

/// <summary>The sync form as posted.</summary>
public sealed class SyncInput
{
    public string Name { get; set; } = string.Empty;

    public Guid? SourceConnectionId { get; set; }

    /// <summary>A destination connection's id, or empty for the hub's own profile store.</summary>
    public Guid? DestinationConnectionId { get; set; }

    public List<StreamInput> Streams { get; set; } = [];

    public string? DestinationSettings { get; set; }

    public string? ScheduleCron { get; set; }

    public string? ScheduleTimeZone { get; set; }

    public bool Enabled { get; set; } = true;
}

/// <summary>One discovered stream in the form: whether it is selected and how it is read and written.</summary>
public sealed class StreamInput
{
    public string Name { get; set; } = string.Empty;

    public bool Selected { get; set; }

    public SyncMode SyncMode { get; set; } = SyncMode.FullRefresh;

    public DestinationSyncMode DestinationMode { get; set; } = DestinationSyncMode.Upsert;
}
