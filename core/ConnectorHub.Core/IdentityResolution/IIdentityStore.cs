using ConnectorHub.Sdk.Canonical;

namespace ConnectorHub.Core.IdentityResolution;

/// <summary>The identity graph's storage, one implementation per provider.</summary>
internal interface IIdentityStore
{
    /// <summary>Whether several transactions can write at once (PostgreSQL), or writers queue (SQLite).</summary>
    bool HasConcurrentWriters { get; }

    /// <summary>
    /// Opens a write transaction that guards <paramref name="identifiers"/> (and the lock buckets in
    /// <paramref name="extraBuckets"/>) against concurrent resolution; <paramref name="exclusive"/> guards everything.
    /// </summary>
    Task<IIdentityTransaction> BeginAsync(IReadOnlyCollection<Identifier> identifiers, IReadOnlySet<int> extraBuckets, bool exclusive, CancellationToken cancellationToken);
}

/// <summary>One batch's transaction; disposing it without <see cref="CommitAsync"/> rolls back.</summary>
internal interface IIdentityTransaction : IAsyncDisposable
{
    /// <summary>The stored rows of those of <paramref name="identifiers"/> that exist.</summary>
    Task<Dictionary<Identifier, StoredIdentifier>> LookupAsync(IReadOnlyCollection<Identifier> identifiers, CancellationToken cancellationToken);

    /// <summary>
    /// Type counts and traits of <paramref name="profileIds"/>; the lock buckets of their other identifiers that this
    /// transaction could not take (empty when it holds every one; then nobody else can change these profiles); and
    /// <paramref name="reserve"/> fresh profile ids (unused ones are simply skipped).
    /// </summary>
    Task<ProfileLoad> LoadProfilesAsync(IReadOnlyCollection<long> profileIds, int reserve, CancellationToken cancellationToken);

    /// <summary>Writes everything <paramref name="outcome"/> changes (new profiles already have their ids).</summary>
    Task ApplyAsync(ResolutionOutcome outcome, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Commits.</summary>
    Task CommitAsync(CancellationToken cancellationToken);
}

/// <summary>What <see cref="IIdentityTransaction.LoadProfilesAsync"/> returns.</summary>
internal sealed record ProfileLoad(Dictionary<long, StoredProfile> Profiles, IReadOnlySet<int> MissingBuckets, IReadOnlyList<long> ReservedIds);
