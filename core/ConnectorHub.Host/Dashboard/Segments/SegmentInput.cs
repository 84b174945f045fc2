using System.Text.Json;
using ConnectorHub.Core.Segments;

namespace ConnectorHub.Host.Dashboard.Segments;

/// <summary>The segment form's fields; the rule tree travels as JSON text.</summary>
public sealed class SegmentInput
{
    public string Name { get; set; } = string.Empty;

    public string? Description { get; set; }

    /// <summary>The rule tree as JSON (see docs/segments.md).</summary>
    public string Definition { get; set; } = StarterRule;

    /// <summary>Cron expression for the refresh; empty for on demand only.</summary>
    public string? ScheduleCron { get; set; } = SegmentRequest.DefaultSchedule;

    public string? ScheduleTimeZone { get; set; }

    /// <summary>What a new segment starts with: people who gave their email.</summary>
    public const string StarterRule = """
        {
          "all": [
            { "identifier": "email" }
          ]
        }
        """;

    public static SegmentInput From(SegmentView segment) => new()
    {
        Name = segment.Name,
        Description = segment.Description,
        Definition = JsonSerializer.Serialize(segment.Definition, Indented),
        ScheduleCron = segment.Schedule,
        ScheduleTimeZone = segment.TimeZone,
    };

    public SegmentRequest ToRequest(JsonElement definition) => new()
    {
        Name = Name,
        Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim(),
        Definition = definition,
        Schedule = string.IsNullOrWhiteSpace(ScheduleCron) ? null : ScheduleCron.Trim(),
        TimeZone = string.IsNullOrWhiteSpace(ScheduleTimeZone) ? null : ScheduleTimeZone.Trim(),
    };

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
}
