namespace ConnectorHub.Core.Segments;

/// <summary>A committed segment refresh: how many profiles entered and exited, and how many are members now.</summary>
public sealed record SegmentRefreshed(long SegmentId, long Entered, long Exited, long MemberCount, DateTimeOffset RefreshedAt);
