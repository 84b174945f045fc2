using ConnectorHub.Sdk.Canonical;

namespace ConnectorHub.Core.CanonicalStore;

/// <summary>The non-profile entities of a batch of records, each linked to the profile it belongs to (null when none).</summary>
internal sealed class CanonicalBatch
{
    public List<(CanonicalEvent Event, string Source, long? ProfileId)> Events { get; } = [];

    public List<(Order Order, long? ProfileId)> Orders { get; } = [];

    public List<AdPerformance> AdPerformance { get; } = [];

    public List<(Account Account, IReadOnlyList<long> Members)> Accounts { get; } = [];

    public bool IsEmpty => Events.Count == 0 && Orders.Count == 0 && AdPerformance.Count == 0 && Accounts.Count == 0;
}

/// <summary>Writes the non-profile entities of a batch in one transaction, idempotently (replays change nothing).</summary>
internal interface ICanonicalWriter
{
    Task WriteAsync(CanonicalBatch batch, DateTimeOffset now, CancellationToken cancellationToken);
}
