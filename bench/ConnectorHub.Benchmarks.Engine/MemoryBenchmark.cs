using System.Diagnostics;
using System.Globalization;
using ConnectorHub.Core.Runner;
using ConnectorHub.Core.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectorHub.Benchmarks.Engine;

/// <summary>Peak resident memory of one big sync through the engine: it must stay flat, whatever the size.</summary>
internal static class MemoryBenchmark
{
    public static async Task<int> RunAsync(int records)
    {
        await using var hub = await BenchHub.StartAsync(records);
        var before = PeakRssMegabytes();
        var clock = Stopwatch.StartNew();
        var run = await hub.Services.GetRequiredService<SyncRunner>().RunAsync(hub.SyncId, RunTrigger.Cli);
        clock.Stop();
        if (run.Status != RunStatus.Succeeded)
        {
            throw new InvalidOperationException($"The run ended {run.Status}: {run.ErrorMessage}");
        }

        var peak = PeakRssMegabytes();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"records: {run.Streams.Single().RecordsWritten:N0} in {clock.Elapsed.TotalSeconds:0.0} s ({records / clock.Elapsed.TotalSeconds:N0} records/s)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak RSS before the run: {before:0} MB; peak RSS of the process: {peak:0} MB (goal: under 300 MB)"));
        return 0;
    }

    private static double PeakRssMegabytes()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }
}
