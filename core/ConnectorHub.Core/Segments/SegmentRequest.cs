using System.Text.Json;

namespace ConnectorHub.Core.Segments;

/// <summary>Creates or changes a segment.</summary>
public sealed record SegmentRequest
{
    /// <summary>Every 30 seconds: the schedule of a segment that does not set one, so tracked events reach activations within a minute.</summary>
    public const string DefaultSchedule = "*/30 * * * * *";

    /// <summary>The segment's unique name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>What the segment is for.</summary>
    public string? Description { get; init; }

    /// <summary>The rule tree (see docs/segments.md), e.g. <c>{"all":[{"trait":"plan","op":"equals","value":"gold"}]}</c>.</summary>
    public JsonElement Definition { get; init; }

    /// <summary>A cron expression for refreshes (<see cref="Scheduling.CronSchedule"/>); <see cref="DefaultSchedule"/> when left out, null for on demand only.</summary>
    public string? Schedule { get; init; } = DefaultSchedule;

    /// <summary>The time zone the schedule is read in (IANA or Windows id); UTC when null.</summary>
    public string? TimeZone { get; init; }
}

/// <summary>A segment as stored, with its current size.</summary>
public sealed record SegmentView(
    long Id, string Name, string? Description, JsonElement Definition, string? Schedule, string? TimeZone,
    long MemberCount, DateTimeOffset? LastRefreshedAt, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>A count preview of a rule tree: how many surviving profiles match it now, and a sample of their ids.</summary>
public sealed record SegmentPreview(long Count, IReadOnlyList<long> Sample, double ElapsedMilliseconds);

/// <summary>A current member of a segment and when it entered.</summary>
public sealed record SegmentMember(long ProfileId, DateTimeOffset EnteredAt);

/// <summary>One change of membership: a profile entered or exited the segment at a time.</summary>
public sealed record SegmentChange(long ProfileId, string Change, DateTimeOffset At);
