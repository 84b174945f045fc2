using ConnectorHub.Core.Profiles;

namespace ConnectorHub.Core.Segments;

/// <summary>A <c>segments</c> row as Dapper reads it on either store (times as timestamptz or unix milliseconds).</summary>
internal sealed class SegmentRow
{
    public long Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public string? Description { get; set; }

    public string Definition { get; set; } = "{}";

    public string? Schedule { get; set; }

    public string? TimeZone { get; set; }

    public long MemberCount { get; set; }

    public object? LastRefreshedAt { get; set; }

    public object CreatedAt { get; set; } = 0L;

    public object UpdatedAt { get; set; } = 0L;

    public SegmentView View() => new(Id, Name, Description, ProfileService.Parse(Definition), Schedule, TimeZone, MemberCount,
        StoredTime.ReadNullable(LastRefreshedAt), StoredTime.Read(CreatedAt), StoredTime.Read(UpdatedAt));
}
