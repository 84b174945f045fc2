using ConnectorHub.Sdk.Testing.Emulators;
using ConnectorHub.Sdk.Destinations;
using ConnectorHub.Sdk.Testing.Connections;

namespace ConnectorHub.Sdk.Testing.Destinations;

/// <summary>
/// What a destination connector's test project supplies to <see cref="DestinationAcceptanceTests{TFixture}"/>:
/// the connector, configurations, the emulator and a view of what the emulator stored.
/// </summary>
public abstract class DestinationAcceptanceFixture : ConnectorAcceptanceFixture<DestinationCheck>
{
    /// <summary>The connector under test.</summary>
    public abstract IDestinationConnector Connector { get; }

    /// <summary>What each check writes to (stream, mode, per-sync settings such as the list id).</summary>
    public abstract WriteRequest WriteRequest { get; }

    /// <summary>
    /// <paramref name="count"/> valid records with distinct keys, numbered from <paramref name="start"/>; the same
    /// numbers give the same keys, so a check can replay them.
    /// </summary>
    public abstract IReadOnlyList<DestinationRecord> CreateRecords(int count, int start);

    /// <summary>How many records the emulator holds for <see cref="WriteRequest"/> now (members of the list, say).</summary>
    public abstract Task<int> CountStoredRecordsAsync(CancellationToken cancellationToken);

    /// <summary>The most records the platform accepts in one request.</summary>
    public virtual int PlatformBatchLimit => throw HookMissing(nameof(PlatformBatchLimit), DestinationCheck.BatchLimits);

    /// <summary>The number of records in each write request the emulator received so far.</summary>
    public virtual IReadOnlyList<int> ReceivedBatchSizes() => throw HookMissing(nameof(ReceivedBatchSizes), DestinationCheck.BatchLimits);

    /// <summary>A 429 fault in the platform's format carrying a Retry-After of <paramref name="retryAfter"/>.</summary>
    public virtual Fault RateLimitFault(TimeSpan retryAfter) => throw HookMissing(nameof(RateLimitFault), DestinationCheck.RateLimitedWrites);

    /// <summary>A record the platform refuses, with (part of) the reason the platform gives.</summary>
    public virtual (DestinationRecord Record, string ExpectedReason) CreateRejectedRecord() =>
        throw HookMissing(nameof(CreateRejectedRecord), DestinationCheck.RejectionReasons);
}
