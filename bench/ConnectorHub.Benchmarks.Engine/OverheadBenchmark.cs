using System.Text.Json.Nodes;
using ConnectorHub.Benchmarks.Measurement;
using ConnectorHub.Core.Mapping;
using ConnectorHub.Core.Plugins;
using ConnectorHub.Core.Runner;
using ConnectorHub.Core.Runs;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Sources;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectorHub.Benchmarks.Engine;

/// <summary>
/// The engine (read → map → write, with batching, back-pressure and checkpoint commits on the hub's store) against a
/// plain loop that reads and maps the same records and hands them to nothing, in the same process, alternating
/// rounds. The loop runs on one thread, the engine on two (reader and writer), so the wall-clock ratio hides part of
/// the engine's cost: the CPU ratio shows it.
/// </summary>
internal static class OverheadBenchmark
{
    public static async Task<int> RunAsync(int records, int rounds, string store)
    {
        Console.WriteLine($"Start: {MachineLoad.Describe()}");
        var postgres = store == "Postgres" ? await BenchPostgres.CreateDatabaseAsync("engine_bench", "-c shared_buffers=256MB") : null;
        if (postgres is not null)
        {
            Console.WriteLine(await BenchPostgres.DescribeAsync(postgres));
        }

        await using var hub = await BenchHub.StartAsync(records, postgres);
        var runner = hub.Services.GetRequiredService<SyncRunner>();
        var generator = hub.Services.GetRequiredService<PluginCatalog>().Get("generator").Source;
        var mapping = MappingCompiler.Compile(BenchHub.Mapping, "bench");
        CpuSource[] database = postgres is null ? [] : [await CpuSource.PostgresAsync(postgres)];
        var engineMeter = new CpuMeter([CpuSource.ThisProcess("hub (engine)"), .. database]);
        var loopMeter = new CpuMeter([CpuSource.ThisProcess("raw loop"), .. database]);

        await RawLoopAsync(generator, mapping, Math.Min(records, 100_000)); // warm up both paths
        await EngineRunAsync(runner, hub.SyncId, records);
        Console.WriteLine($"Sync engine on {store}: {records:N0} records a round, generator → 10-rule mapping → discard.");
        var paired = new PairedRounds("engine", "raw loop (read + map)", "records");
        for (var round = 0; round < rounds; round++)
        {
            StepCost? engine = null, loop = null;
            foreach (var side in round % 2 == 0 ? new[] { 0, 1 } : [1, 0])
            {
                if (side == 0)
                {
                    engine = await engineMeter.MeasureAsync(() => EngineRunAsync(runner, hub.SyncId, records));
                }
                else
                {
                    loop = await loopMeter.MeasureAsync(() => RawLoopAsync(generator, mapping, records));
                }
            }

            paired.Add(engine!, records, loop!, records);
        }

        Console.WriteLine();
        Console.WriteLine($"End: {MachineLoad.Describe()}");
        Console.WriteLine();
        Console.WriteLine(paired.Table());
        return 0;
    }

    private static async Task EngineRunAsync(SyncRunner runner, Guid syncId, int records)
    {
        var run = await runner.RunAsync(syncId, RunTrigger.Cli);
        if (run.Status != RunStatus.Succeeded || run.Streams.Single().RecordsWritten != records)
        {
            throw new InvalidOperationException($"The engine run ended {run.Status} with {run.Streams.SingleOrDefault()?.RecordsWritten} records written: {run.ErrorMessage}");
        }
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
}
