namespace ConnectorHub.Core.Tracking.Keys;

/// <summary>A tracking source: where Segment-compatible clients send events; its name is the events' source.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">Its name, unique.</param>
/// <param name="CreatedBy">Who created it.</param>
/// <param name="CreatedAt">When.</param>
/// <param name="ActiveKeys">How many write keys are not revoked.</param>
public sealed record TrackingSourceView(Guid Id, string Name, string CreatedBy, DateTimeOffset CreatedAt, int ActiveKeys);

/// <summary>A write key as lists show it: masked, never its value.</summary>
/// <param name="Id">Its id.</param>
/// <param name="SourceId">The tracking source it writes to.</param>
/// <param name="Masked">Its first characters, to recognise it.</param>
/// <param name="CreatedBy">Who created it.</param>
/// <param name="CreatedAt">When.</param>
/// <param name="RevokedAt">When it was revoked; null while it works.</param>
public sealed record WriteKeyView(Guid Id, Guid SourceId, string Masked, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>A key just created: the only time its value is shown.</summary>
/// <param name="Key">The key as lists show it.</param>
/// <param name="WriteKey">The value to configure in the client; not stored, not shown again.</param>
public sealed record CreatedWriteKey(WriteKeyView Key, string WriteKey);

/// <summary>A request to create a tracking source.</summary>
/// <param name="Name">Its name (becomes the events' source), e.g. <c>website</c>.</param>
public sealed record TrackingSourceRequest(string Name);

/// <summary>The source a write key authenticates.</summary>
/// <param name="SourceId">The tracking source's id.</param>
/// <param name="SourceName">Its name, the events' source.</param>
public sealed record TrackingSourceIdentity(Guid SourceId, string SourceName);
