namespace ConnectorHub.Core.Mapping;

/// <summary>What became of one source record.</summary>
public enum MappingStatus
{
    /// <summary>Mapped to a valid canonical entity.</summary>
    Mapped,

    /// <summary>Left out on purpose: the mapping's top-level <c>when</c> did not hold.</summary>
    Skipped,

    /// <summary>Set aside: a rule failed or the entity broke the canonical schema (see the errors).</summary>
    Rejected,
}
