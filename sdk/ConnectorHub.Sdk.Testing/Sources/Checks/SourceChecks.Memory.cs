using ConnectorHub.Sdk.Sources;
using Xunit;

namespace ConnectorHub.Sdk.Testing.Sources.Checks;

public static partial class SourceChecks
{
    private const int HeapSamples = 10;

    /// <summary>
    /// A large stream (50k records by default) reads with the retained heap growing no more than the fixture's
    /// allowance: records stream through, pages are not accumulated. The check refuses to pass vacuously: the
    /// stream must be big enough that holding it would break the allowance.
    /// </summary>
    /// <remarks>Retained heap is measured process-wide: run this check in a collection that is not parallel.</remarks>
    public static async Task LargeStreamMemoryAsync(SourceAcceptanceFixture fixture, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        fixture.ThrowIfSkipped(SourceCheck.LargeStreamMemory);
        await using var source = await fixture.StartLargeStreamAsync(fixture.LargeStreamRecords, cancellationToken);
        var session = new SourceSession(fixture, cancellationToken);
        var request = Reading.SourceReader.Request(source.Mode, source.Stream);
        var every = Math.Max(1, source.RecordCount / HeapSamples);

        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var peak = baseline;
        long records = 0, characters = 0;
        await foreach (var message in fixture.Connector.ReadAsync(session.Context(source.Config), request, cancellationToken))
        {
            if (message is not RecordMessage record)
            {
                continue;
            }

            records++;
            characters += record.Data.ToJsonString().Length;
            if (records % every == 0)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
            }
        }

        Assert.True(records == source.RecordCount, $"Stream '{source.Stream}' read {records} of the {source.RecordCount} records seeded for the memory check.");
        var allowance = fixture.LargeStreamHeapAllowanceBytes;
        var heldIfBuffered = characters * sizeof(char);
        Assert.True(heldIfBuffered >= 2 * allowance, $"The large stream is too small to prove anything: holding all of it would take about {Mb(heldIfBuffered)}, within reach of the {Mb(allowance)} allowance. Seed more records (LargeStreamRecords) or lower LargeStreamHeapAllowanceBytes.");
        var growth = peak - baseline;
        Assert.True(growth <= allowance, $"Reading {records} records of stream '{source.Stream}' grew the retained heap by {Mb(growth)} (allowance {Mb(allowance)}; the records themselves are about {Mb(heldIfBuffered)}). Stream records as pages arrive instead of collecting them.");
    }

    private static string Mb(long bytes) => $"{bytes / (1024.0 * 1024.0):0.0} MB";
}
