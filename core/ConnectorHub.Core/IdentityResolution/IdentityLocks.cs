using ConnectorHub.Sdk.Canonical;

namespace ConnectorHub.Core.IdentityResolution;

/// <summary>
/// The advisory locks that keep concurrent resolution consistent on PostgreSQL. Every identifier hashes to one of
/// <see cref="Buckets"/> buckets; a transaction that changes a profile holds the buckets of all its identifiers and
/// of every identifier it adds, taken in ascending order so two writers never deadlock. Every writer also holds the
/// global lock: shared for a small batch, exclusive for a batch touching more than <see cref="MaxBuckets"/> buckets
/// (which would otherwise fill PostgreSQL's lock table).
/// </summary>
internal static class IdentityLocks
{
    /// <summary>The first key of every identity lock ("IDRS").</summary>
    public const int Space = 0x49445253;

    /// <summary>The second key of the global lock.</summary>
    public const int Global = -1;

    /// <summary>The number of buckets.</summary>
    public const int Buckets = 1 << 14;

    /// <summary>The most buckets one transaction locks one by one before it takes the global lock exclusively.</summary>
    public const int MaxBuckets = 256;

    /// <summary>The bucket of <paramref name="identifier"/>: FNV-1a of type and value, stable across processes.</summary>
    public static int BucketOf(Identifier identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        var hash = 2166136261u;
        foreach (var c in identifier.Type)
        {
            hash = (hash ^ c) * 16777619u;
        }

        hash = (hash ^ ':') * 16777619u;
        foreach (var c in identifier.Value)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % Buckets);
    }
}
