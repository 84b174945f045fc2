namespace ConnectorHub.Sdk.Canonical;

/// <summary>The kinds of entity in the canonical customer schema.</summary>
public enum CanonicalEntityType
{
    /// <summary>What one source knows about one person (<see cref="ProfileFragment"/>).</summary>
    ProfileFragment,

    /// <summary>Something a person did (<see cref="CanonicalEvent"/>).</summary>
    Event,

    /// <summary>A purchase (<see cref="Order"/>).</summary>
    Order,

    /// <summary>Daily ad delivery (<see cref="AdPerformance"/>).</summary>
    AdPerformance,

    /// <summary>A B2B account (<see cref="Account"/>).</summary>
    Account,
}
