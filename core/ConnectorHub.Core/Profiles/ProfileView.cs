using System.Text.Json;

namespace ConnectorHub.Core.Profiles;

/// <summary>A unified profile: surviving traits and consent with their origin, identifiers with provenance, and history.</summary>
/// <param name="Id">The profile id.</param>
/// <param name="CreatedAt">When the hub created it.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="MergedFrom">Ids of profiles merged into it (lookups by them lead here).</param>
/// <param name="Traits">Trait name → surviving value.</param>
/// <param name="Consent">Channel (email, sms, ads) → surviving consent.</param>
/// <param name="Identifiers">Its identifiers, with where each was first observed.</param>
/// <param name="History">Merges into it and identifiers dropped from it, newest first.</param>
public sealed record ProfileView(
    long Id,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<long> MergedFrom,
    IReadOnlyDictionary<string, TraitView> Traits,
    IReadOnlyDictionary<string, TraitView> Consent,
    IReadOnlyList<IdentifierView> Identifiers,
    IReadOnlyList<HistoryEntry> History);

/// <summary>A surviving trait value and its origin.</summary>
/// <param name="Value">The value.</param>
/// <param name="Source">The source it came from.</param>
/// <param name="ObservedAt">When that source observed it.</param>
public sealed record TraitView(JsonElement Value, string Source, DateTimeOffset ObservedAt);

/// <summary>An identifier of a profile and where it came from.</summary>
/// <param name="Type">Its type.</param>
/// <param name="Value">Its normalized value.</param>
/// <param name="Source">The source of its first observation.</param>
/// <param name="RecordKey">The record that carried it first.</param>
/// <param name="FirstSeen">Its earliest observation.</param>
/// <param name="LastSeen">Its latest observation.</param>
public sealed record IdentifierView(string Type, string Value, string Source, string? RecordKey, DateTimeOffset FirstSeen, DateTimeOffset LastSeen);

/// <summary>
/// One entry of a profile's history. <c>merge</c>: profile <see cref="MergedId"/> merged into
/// <see cref="SurvivorId"/> because a fragment carried <see cref="Identifier"/>, which both shared. <c>drop</c>:
/// a fragment's <see cref="Identifier"/> was not added to the profile, for <see cref="Reason"/>.
/// </summary>
/// <param name="Kind">merge or drop.</param>
/// <param name="At">When the hub did it.</param>
/// <param name="Identifier">The identifier (type:value) that caused the merge, or that was dropped.</param>
/// <param name="Source">The source of the fragment.</param>
/// <param name="RecordKey">The source record of the fragment.</param>
/// <param name="ObservedAt">When the source observed the fragment.</param>
/// <param name="SurvivorId">For a merge, the profile that absorbed the other.</param>
/// <param name="MergedId">For a merge, the profile merged away.</param>
/// <param name="Reason">For a drop, why; for a merge, why when it was more than a shared identifier (an alias call).</param>
public sealed record HistoryEntry(
    string Kind, DateTimeOffset At, string Identifier, string Source, string? RecordKey, DateTimeOffset ObservedAt,
    long? SurvivorId = null, long? MergedId = null, string? Reason = null);

/// <summary>A profile in a list: its id, traits and identifiers.</summary>
/// <param name="Id">The profile id.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="Traits">Trait name → value.</param>
/// <param name="Identifiers">type:value of each identifier.</param>
public sealed record ProfileSummary(long Id, DateTimeOffset UpdatedAt, IReadOnlyDictionary<string, JsonElement> Traits, IReadOnlyList<string> Identifiers);

/// <summary>One page of a list, newest first, with the cursor of the next page (null on the last).</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The items.</param>
/// <param name="Next">Pass as <c>before</c> to get the next page.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);
