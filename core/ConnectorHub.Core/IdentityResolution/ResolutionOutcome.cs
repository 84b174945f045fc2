using ConnectorHub.Core.Profiles;
using ConnectorHub.Sdk.Canonical;

namespace ConnectorHub.Core.IdentityResolution;

/// <summary>
/// What resolving a batch changes, by final profile (an index into <see cref="Profiles"/>): profiles to create,
/// profiles merged away, identifiers to add or re-date, trait values that now survive, merges and drops to record.
/// </summary>
internal sealed class ResolutionOutcome
{
    public List<OutcomeProfile> Profiles { get; } = [];

    /// <summary>Per fragment of the batch, its final profile; null when it had no usable identifier.</summary>
    public required int?[] FragmentProfiles { get; init; }

    public List<IdentifierWrite> NewIdentifiers { get; } = [];

    /// <summary>Known identifiers observed earlier or later than the store knew.</summary>
    public List<IdentifierWrite> Redated { get; } = [];

    /// <summary>Existing profiles merged away, with the final profile that absorbs them.</summary>
    public List<(long Loser, int Profile)> Losers { get; } = [];

    public List<MergeRecord> Merges { get; } = [];

    public List<DropRecord> Drops { get; } = [];

    public List<(int Profile, TraitValue Trait)> TraitWrites { get; } = [];
}

/// <summary>A final profile: an existing one (the oldest of those it joins) or a new one.</summary>
internal sealed class OutcomeProfile(long? existingId)
{
    public long? ExistingId { get; } = existingId;

    /// <summary>The id, once new profiles have theirs.</summary>
    public long Id { get; set; } = existingId ?? 0;
}

/// <summary>An identifier row to write; <paramref name="Source"/> is null when a known identifier keeps its origin.</summary>
internal sealed record IdentifierWrite(Identifier Identifier, int Profile, string? Source, string? RecordKey, DateTimeOffset FirstSeen, DateTimeOffset LastSeen);

/// <summary>
/// A merge of two stored profiles, caused by <paramref name="Cause"/> of <paramref name="Fragment"/>; <paramref name="Reason"/>
/// says why when it is more than a shared identifier (an alias call).
/// </summary>
internal sealed record MergeRecord(long SurvivorId, long MergedId, Identifier Cause, ResolutionFragment Fragment, string? Reason = null);

/// <summary>An identifier a fragment carried that did not join its profile.</summary>
internal sealed record DropRecord(int Profile, Identifier Identifier, ResolutionFragment Fragment, DropReason Reason);

/// <summary>Why an identifier was dropped; the text names the other profile once every profile has its id.</summary>
internal sealed record DropReason(string Text, int? OtherProfile = null)
{
    public string Describe(IReadOnlyList<OutcomeProfile> profiles) =>
        OtherProfile is { } other ? Text.Replace("{other}", profiles[other].Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal) : Text;
}
