using ConnectorHub.Core.Profiles;
using ConnectorHub.Sdk.Canonical;

namespace ConnectorHub.Core.IdentityResolution;

/// <summary>A fragment ready for resolution: identifiers normalized, blocked ones set apart, the rest in priority order.</summary>
internal sealed class ResolutionFragment
{
    public required string Source { get; init; }

    public string? RecordKey { get; init; }

    public required DateTimeOffset ObservedAt { get; init; }

    /// <summary>Distinct usable identifiers, strongest first.</summary>
    public required IReadOnlyList<Identifier> Identifiers { get; init; }

    /// <summary>Identifiers that never link, with why.</summary>
    public IReadOnlyList<(Identifier Identifier, string Reason)> Blocked { get; init; } = [];

    public IReadOnlyList<TraitValue> Traits { get; init; } = [];

    /// <summary>
    /// For an alias, the previous id as each type it may be (a user id identified before, else an anonymous id), in that
    /// order: the resolver links the first one the graph knows, or the last one as new.
    /// </summary>
    public IReadOnlyList<Identifier> AliasCandidates { get; init; } = [];
}

/// <summary>What the store holds about an identifier the batch carries.</summary>
internal readonly record struct StoredIdentifier(long ProfileId, DateTimeOffset FirstSeen, DateTimeOffset LastSeen);

/// <summary>What the store holds about a profile the batch touches: how many identifiers of each type, and its traits.</summary>
internal sealed class StoredProfile(long id)
{
    public long Id { get; } = id;

    public Dictionary<string, int> TypeCounts { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, TraitValue> Traits { get; } = new(StringComparer.Ordinal);
}
