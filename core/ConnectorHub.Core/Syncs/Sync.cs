namespace ConnectorHub.Core.Syncs;

/// <summary>What moves from a source connection to a target, how, and when.</summary>
public sealed class Sync
{
    /// <summary>Identity.</summary>
    public Guid Id { get; set; }

    /// <summary>Unique display name.</summary>
    public required string Name { get; set; }

    /// <summary>The source connection read from.</summary>
    public Guid SourceConnectionId { get; set; }

    /// <summary>The destination connection written to; null writes to the hub's own profile store.</summary>
    public Guid? DestinationConnectionId { get; set; }

    /// <summary>The selected streams (<see cref="SyncStream"/> list), JSON.</summary>
    public required string Streams { get; set; }

    /// <summary>Target settings handed to the destination (audience id, list id, ...), JSON object.</summary>
    public string DestinationSettings { get; set; } = "{}";

    /// <summary>Cron expression (five fields, or six with seconds first; see <see cref="Scheduling.CronSchedule"/>), or null for manual runs only.</summary>
    public string? ScheduleCron { get; set; }

    /// <summary>IANA time zone the cron expression is read in; null means UTC.</summary>
    public string? ScheduleTimeZone { get; set; }

    /// <summary>Whether the schedule fires.</summary>
    public bool Enabled { get; set; }

    /// <summary>Created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
