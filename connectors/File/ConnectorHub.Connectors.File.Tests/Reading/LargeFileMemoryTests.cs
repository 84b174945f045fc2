using System.Text;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Connectors.File.Tests.Reading;

/// <summary>Runs alone: it measures the process's managed heap, which parallel tests would disturb.</summary>
[CollectionDefinition(nameof(LargeFileMemoryTests), DisableParallelization = true)]
public sealed class LargeFileMemoryCollection;

[Collection(nameof(LargeFileMemoryTests))]
public sealed class LargeFileMemoryTests : IDisposable
{
    private const int Rows = 300_000;
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Read_LargeCsvFile_StreamsInFlatMemory()
    {
        var path = WriteLargeCsv();
        var fileSize = new FileInfo(path).Length;
        var config = FileSourceHarness.Config("orders", path, checkpointEvery: 10_000);
        var request = new ReadRequest { Streams = [new ConfiguredStream { Name = "orders" }] };

        long records = 0, baseline = 0, peak = 0;
        await foreach (var message in new FileSource().ReadAsync(FileSourceHarness.Context(config), request, CancellationToken.None))
        {
            if (message is not RecordMessage || ++records % 25_000 != 0)
            {
                continue;
            }

            var heap = GC.GetTotalMemory(forceFullCollection: true);
            baseline = records == 25_000 ? heap : baseline;
            peak = Math.Max(peak, heap);
        }

        Assert.Equal(Rows, records);
        Assert.True(fileSize > 25_000_000, $"the file should be large enough to notice if it were held in memory ({fileSize} bytes)");
        var growth = peak - baseline;
        Assert.True(growth < 4_000_000, $"the managed heap grew by {growth:N0} bytes while reading {Rows:N0} rows ({fileSize:N0} bytes of CSV)");
    }

    private string WriteLargeCsv()
    {
        var path = _folder["orders.csv"];
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16);
        writer.Write("order_id,email,customer_name,total,currency,placed_at,note\n");
        for (var i = 1; i <= Rows; i++)
        {
            writer.Write($"{i},customer{i}@example.com,\"Customer {i}, Jr.\",{i % 997}.99,EUR,2024-03-05T14:{i % 60:00}:00Z,\"said \"\"hello\"\" at the till\"\n");
        }

        return path;
    }
}
