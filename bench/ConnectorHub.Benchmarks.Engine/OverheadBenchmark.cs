using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using ConnectorHub.Core.Mapping;
using ConnectorHub.Core.Plugins;
using ConnectorHub.Core.Runner;
using ConnectorHub.Core.Runs;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Sources;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectorHub.Benchmarks.Engine;

/// <summary>
/// Records per second through the engine (read → map → write, with batching, back-pressure and checkpoint commits on
/// SQLite) against a plain loop that reads and maps the same records and hands them to nothing, in the same process,
/// alternating rounds so machine noise hits both alike.
/// </summary>
internal static class OverheadBenchmark
{
    public static async Task<int> RunAsync(int records, int rounds)
    {
        await using var hub = await BenchHub.StartAsync(records);
        var runner = hub.Services.GetRequiredService<SyncRunner>();
        var generator = hub.Services.GetRequiredService<PluginCatalog>().Get("generator").Source;
        var mapping = MappingCompiler.Compile(BenchHub.Mapping, "bench");

        await RawLoopAsync(generator, mapping, Math.Min(records, 100_000)); // warm up both paths
        await runner.RunAsync(hub.SyncId, RunTrigger.Cli);

        var raw = new List<double>();
        var engine = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            raw.Add(records / await TimeAsync(() => RawLoopAsync(generator, mapping, records)));
            engine.Add(records / await TimeAsync(async () =>
            {
                var run = await runner.RunAsync(hub.SyncId, RunTrigger.Cli);
                if (run.Status != RunStatus.Succeeded || run.Streams.Single().RecordsWritten != records)
                {
                    throw new InvalidOperationException($"The engine run ended {run.Status} with {run.Streams.SingleOrDefault()?.RecordsWritten} records written: {run.ErrorMessage}");
                }
            }));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round}: raw loop {raw[^1]:N0} records/s, engine {engine[^1]:N0} records/s"));
        }

        var ratio = Median(engine) / Median(raw);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"records: {records:N0}, rounds: {rounds}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"raw loop (read + map): {Median(raw):N0} records/s (median)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"engine (read + map + batch + write + checkpoint): {Median(engine):N0} records/s (median)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"engine / raw loop: {ratio:0.00} (goal: at least 0.50)"));
        return 0;
    }

    private static async Task RawLoopAsync(ISourceConnector source, CompiledMapping mapping, int records)
    {
        var context = new ConnectorContext { Config = new ConnectorConfig(new JsonObject { ["count"] = records, ["state_every"] = 1000 }) };
        var request = new ReadRequest { Streams = [new ConfiguredStream { Name = "contacts" }] };
        var mapped = 0;
        await foreach (var message in source.ReadAsync(context, request, CancellationToken.None))
        {
            if (message is RecordMessage record && mapping.Map(record.Data).IsMapped)
            {
                mapped++;
            }
        }

        if (mapped != records)
        {
            throw new InvalidOperationException($"The raw loop mapped {mapped} of {records} records.");
        }
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var clock = Stopwatch.StartNew();
        await action();
        return clock.Elapsed.TotalSeconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
