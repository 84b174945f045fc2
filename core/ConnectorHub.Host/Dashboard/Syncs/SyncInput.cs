using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectorHub.Core.Syncs;
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

    /// <summary>The destination settings as a JSON object (null when blank), or why they are not one.</summary>
    public bool TryReadDestinationSettings(out JsonObject? settings, out string error)
    {
        settings = null;
        error = string.Empty;
        if (string.IsNullOrWhiteSpace(DestinationSettings))
        {
            return true;
        }

        try
        {
            settings = JsonNode.Parse(DestinationSettings) as JsonObject ?? throw new JsonException("It must be a JSON object: { ... }.");
            return true;
        }
        catch (JsonException ex)
        {
            error = $"This is not a JSON object: {ex.Message}";
            return false;
        }
    }

    /// <summary>The request for the sync service; settings the form does not show (cursor, key, mapping) are kept from <paramref name="existing"/>.</summary>
    public SyncRequest ToRequest(JsonObject? settings, SyncView? existing) => new()
    {
        Name = Name,
        SourceConnectionId = SourceConnectionId ?? Guid.Empty,
        DestinationConnectionId = DestinationConnectionId,
        Streams = Streams.Where(s => s.Selected)
            .Select(s => (existing?.Streams.FirstOrDefault(e => e.Name == s.Name) ?? new SyncStream { Name = s.Name }) with { SyncMode = s.SyncMode, DestinationMode = s.DestinationMode })
            .ToArray(),
        DestinationSettings = settings,
        ScheduleCron = ScheduleCron,
        ScheduleTimeZone = ScheduleTimeZone,
        Enabled = Enabled,
    };

    /// <summary>The form field a sync service error names.</summary>
    public static string FormField(string field) => field switch
    {
        "name" => "Input.Name",
        "sourceConnectionId" => "Input.SourceConnectionId",
        "destinationConnectionId" => "Input.DestinationConnectionId",
        "scheduleCron" => "Input.ScheduleCron",
        "scheduleTimeZone" => "Input.ScheduleTimeZone",
        _ when field.StartsWith("streams", StringComparison.Ordinal) => "Input.Streams",
        _ => string.Empty,
    };
}

/// <summary>One discovered stream in the form: whether it is selected and how it is read and written.</summary>
public sealed class StreamInput
{
    public string Name { get; set; } = string.Empty;

    public bool Selected { get; set; }

    public SyncMode SyncMode { get; set; } = SyncMode.FullRefresh;

    public DestinationSyncMode DestinationMode { get; set; } = DestinationSyncMode.Upsert;
}
