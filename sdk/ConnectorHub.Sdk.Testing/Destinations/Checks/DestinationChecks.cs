using ConnectorHub.Sdk.Destinations;
using ConnectorHub.Sdk.Testing.Connections;
using Xunit;

namespace ConnectorHub.Sdk.Testing.Destinations.Checks;

/// <summary>
/// The destination checks, callable on their own or through <see cref="DestinationAcceptanceTests{TFixture}"/>.
/// </summary>
public static class DestinationChecks
{
    private static readonly TimeSpan StormRetryAfter = TimeSpan.FromSeconds(5);
    private const int StormSize = 6;

    /// <summary>The spec is a valid JSON Schema with secret-looking fields marked secret.</summary>
    public static Task SpecAsync(DestinationAcceptanceFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        fixture.ThrowIfSkipped(DestinationCheck.Spec);
        ConnectionChecks.SpecIsSound(fixture.Connector, fixture);
        return Task.CompletedTask;
    }

    /// <summary>The check succeeds on the good config.</summary>
    public static Task CheckSucceedsAsync(DestinationAcceptanceFixture fixture, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        fixture.ThrowIfSkipped(DestinationCheck.CheckSucceeds);
        return ConnectionChecks.CheckSucceedsAsync(fixture.Connector, fixture, cancellationToken);
    }

    /// <summary>The check fails, usefully, on every bad config.</summary>
    public static Task CheckFailsAsync(DestinationAcceptanceFixture fixture, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        fixture.ThrowIfSkipped(DestinationCheck.CheckFails);
        return ConnectionChecks.CheckFailsUsefullyAsync(fixture.Connector, fixture, cancellationToken);
    }

    /// <summary>A batch of valid records gets exactly one result per record, every one accepted.</summary>
    public static async Task OneResultPerRecordAsync(DestinationAcceptanceFixture fixture, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        fixture.ThrowIfSkipped(DestinationCheck.OneResultPerRecord);
        var session = new DestinationSession(fixture, cancellationToken);
        var records = fixture.CreateRecords(10, DestinationSession.NextStart(10));
        var results = await session.WriteAsync(records);
        AssertAllAccepted(results, "a batch of valid records");
    }

    /// <summary>Writing one full batch and one more record never sends the platform more than its limit per request.</summary>
    public static async Task BatchLimitsAsync(DestinationAcceptanceFixture fixture, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        fixture.ThrowIfSkipped(DestinationCheck.BatchLimits);
        var session = new DestinationSession(fixture, cancellationToken);
        var count = fixture.Connector.GetCapabilities().MaxBatchSize + 1;
        var receivedBefore = fixture.ReceivedBatchSizes().Count;
        IReadOnlyList<RecordResult>? results = null;
        Exception? failure = null;
        try
        {
            results = await session.WriteAsync(fixture.CreateRecords(count, DestinationSession.NextStart(count)));
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
        {
            failure = ex; // An oversized request is usually refused; report the sizes first, they say why.
        }

        var sizes = fixture.ReceivedBatchSizes().Skip(receivedBefore).ToArray();
        var limit = fixture.PlatformBatchLimit;
        Assert.True(sizes.Length > 0, "The emulator received no write request; ReceivedBatchSizes must report what it received.");
        Assert.True(sizes.All(s => s <= limit), $"The platform received requests of [{string.Join(", ", sizes)}] records; its limit is {limit}. Split batches larger than the limit (or lower MaxBatchSize).{(failure is null ? string.Empty : $" The write failed: {failure.Message}")}");
        Assert.True(failure is null, $"Writing {count} records failed: {failure?.GetType().Name}: {failure?.Message}");
        AssertAllAccepted(results!, $"{count} valid records");
        Assert.Equal(count, sizes.Sum());
    }

    /// <summary>A run of 429s with Retry-After delays a write, which then completes with every record accepted.</summary>
    public static async Task RateLimitedWritesAsync(DestinationAcceptanceFixture fixture, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        fixture.ThrowIfSkipped(DestinationCheck.RateLimitedWrites);
        var session = new DestinationSession(fixture, cancellationToken);
        var servedBefore = fixture.Emulator.Faults.Served;
        fixture.Emulator.Faults.Add(fixture.RateLimitFault(StormRetryAfter), StormSize);
        IReadOnlyList<RecordResult> results;
        try
        {
            results = await session.WriteAsync(fixture.CreateRecords(5, DestinationSession.NextStart(5)));
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
        {
            Assert.Fail($"A write failed under {StormSize} 429s with Retry-After: {ex.GetType().Name}: {ex.Message}. Throttling must delay a write, never fail it.");
            throw;
        }
        finally
        {
            fixture.Emulator.Faults.Clear();
        }

        Assert.Equal(StormSize, fixture.Emulator.Faults.Served - servedBefore);
        AssertAllAccepted(results, "a throttled batch");
        var waits = session.Time.Delays.Count(d => d >= StormRetryAfter);
        Assert.True(waits >= StormSize, $"The connector waited the asked Retry-After only {waits} times for {StormSize} 429s; wait on ConnectorContext.Time as the platform asks.");
    }

    /// <summary>Writing the same batch twice (a replay after a crash) leaves the platform holding it once.</summary>
    public static async Task ReplayCreatesNoDuplicatesAsync(DestinationAcceptanceFixture fixture, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        fixture.ThrowIfSkipped(DestinationCheck.ReplayCreatesNoDuplicates);
        var session = new DestinationSession(fixture, cancellationToken);
        var records = fixture.CreateRecords(5, DestinationSession.NextStart(5));
        var before = await fixture.CountStoredRecordsAsync(cancellationToken);
        AssertAllAccepted(await session.WriteAsync(records), "the first write");
        var once = await fixture.CountStoredRecordsAsync(cancellationToken);
        Assert.True(once - before == records.Count, $"Writing {records.Count} new records added {once - before} at the emulator.");
        await session.WriteAsync(records);
        var twice = await fixture.CountStoredRecordsAsync(cancellationToken);
        Assert.True(twice == once, $"Replaying the same {records.Count} records added {twice - once} more at the emulator: writes must be idempotent by record key (upsert, or send the key as the platform's id).");
    }

    /// <summary>A record the platform refuses comes back Rejected with the platform's reason; the others are accepted.</summary>
    public static async Task RejectionReasonsAsync(DestinationAcceptanceFixture fixture, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        fixture.ThrowIfSkipped(DestinationCheck.RejectionReasons);
        var session = new DestinationSession(fixture, cancellationToken);
        var (bad, reason) = fixture.CreateRejectedRecord();
        var good = fixture.CreateRecords(2, DestinationSession.NextStart(2));
        var results = await session.WriteAsync([good[0], bad, good[1]]);
        var badResult = results.Single(r => r.Key == bad.Key);
        Assert.True(badResult.Outcome == RecordOutcome.Rejected, $"The record the platform refuses came back {badResult.Outcome}; it must be Rejected (a retry will not fix it).");
        Assert.True(badResult.Reason?.Contains(reason, StringComparison.OrdinalIgnoreCase) == true, $"The rejection reason should carry the platform's '{reason}'; it says: {badResult.Reason ?? "(nothing)"}");
        AssertAllAccepted(results.Where(r => r.Key != bad.Key).ToArray(), "the valid records beside a rejected one");
    }

    private static void AssertAllAccepted(IReadOnlyList<RecordResult> results, string what)
    {
        var refused = results.Where(r => r.Outcome != RecordOutcome.Accepted).ToArray();
        Assert.True(refused.Length == 0, $"Writing {what}: {refused.Length} record(s) not accepted, first {refused.FirstOrDefault()?.Key}: {refused.FirstOrDefault()?.Outcome} {refused.FirstOrDefault()?.Reason}");
    }
}
