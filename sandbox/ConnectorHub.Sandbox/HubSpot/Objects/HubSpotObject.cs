namespace ConnectorHub.Sandbox.HubSpot.Objects;

/// <summary>A copy of one object held by the emulator, for tests and demo tooling to inspect.</summary>
/// <param name="Id">The object's id.</param>
/// <param name="Properties">Every property with its string value (computed ones included).</param>
/// <param name="CreatedAt">Creation time.</param>
/// <param name="UpdatedAt">Last modification time (the value of the last-modified property).</param>
/// <param name="Archived">Whether the object is archived (deleted).</param>
public sealed record HubSpotObject(
    string Id,
    IReadOnlyDictionary<string, string?> Properties,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    bool Archived);
