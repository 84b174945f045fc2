using ConnectorHub.Sdk.Destinations;
using ConnectorHub.Sdk.Testing.Configs;
using ConnectorHub.Sdk.Testing.Time;
using Xunit;

namespace ConnectorHub.Sdk.Testing.Destinations.Checks;

/// <summary>One check's dealings with the destination: a fresh instant clock, and writes as the host makes them.</summary>
internal sealed class DestinationSession(DestinationAcceptanceFixture fixture, CancellationToken cancellationToken)
{
    // Record numbers per check, so checks sharing one emulator never write the same keys by accident.
    private static int s_nextStart = 1_000_000;

    public InstantTimeProvider Time { get; } = new InstantTimeProvider();

    public static int NextStart(int count) => Interlocked.Add(ref s_nextStart, count + 1000) - count;

    /// <summary>Writes <paramref name="records"/> in one run, in batches of the connector's MaxBatchSize, checking each result set.</summary>
    public async Task<IReadOnlyList<RecordResult>> WriteAsync(IReadOnlyList<DestinationRecord> records)
    {
        var max = fixture.Connector.GetCapabilities().MaxBatchSize;
        Assert.True(max > 0, $"GetCapabilities().MaxBatchSize is {max}; it must be positive.");
        var context = fixture.CreateContext(fixture.GoodConfig, Time, new RecordingConfigUpdater());
        var results = new List<RecordResult>();
        await using (var writer = await fixture.Connector.OpenAsync(context, fixture.WriteRequest, cancellationToken))
        {
            foreach (var batch in records.Chunk(max))
            {
                var result = await writer.WriteAsync(batch, cancellationToken);
                AssertOneResultEach(batch, result);
                results.AddRange(result.Results);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        return results;
    }

    private static void AssertOneResultEach(IReadOnlyList<DestinationRecord> batch, WriteBatchResult result)
    {
        var sent = batch.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        var got = result.Results.Select(r => r.Key).ToArray();
        var missing = sent.Except(got).ToArray();
        var unknown = got.Except(sent).ToArray();
        var repeated = got.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        Assert.True(
            missing.Length + unknown.Length + repeated.Length == 0 && got.Length == batch.Count,
            $"A batch of {batch.Count} records got {got.Length} results: {missing.Length} record(s) without a result [{string.Join(", ", missing.Take(5))}], {unknown.Length} result(s) for keys not sent [{string.Join(", ", unknown.Take(5))}], {repeated.Length} key(s) answered twice. Return exactly one RecordResult per record, keyed by DestinationRecord.Key.");
    }
}
