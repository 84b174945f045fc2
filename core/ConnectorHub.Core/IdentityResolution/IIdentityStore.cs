using ConnectorHub.Sdk.Canonical;

namespace ConnectorHub.Core.IdentityResolution;

/// <summary>The identity graph's storage, one implementation per provider.</summary>
internal interface IIdentityStore
{
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
    /// Type counts and traits of <paramref name="profileIds"/>, and the lock buckets of their other identifiers that
    /// this transaction could not take (empty when it holds every one; then nobody else can change these profiles).
    /// </summary>
    Task<(Dictionary<long, StoredProfile> Profiles, IReadOnlySet<int> MissingBuckets)> LoadProfilesAsync(IReadOnlyCollection<long> profileIds, CancellationToken cancellationToken);

    /// <summary>Gives new profiles their ids and writes everything <paramref name="outcome"/> changes.</summary>
    Task ApplyAsync(ResolutionOutcome outcome, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Commits.</summary>
    Task CommitAsync(CancellationToken cancellationToken);
}
