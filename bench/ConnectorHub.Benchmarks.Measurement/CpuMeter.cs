using System.Diagnostics;

namespace ConnectorHub.Benchmarks.Measurement;

/// <summary>Times a step and reads, before and after it, the CPU seconds of each of its sources.</summary>
public sealed class CpuMeter(params CpuSource[] sources)
{
    /// <summary>Runs <paramref name="step"/> and returns what it cost.</summary>
    public async Task<StepCost> MeasureAsync(Func<Task> step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var before = sources.Select(s => s.ReadSeconds()).ToArray();
        var started = Stopwatch.GetTimestamp();
        await step();
        var wall = Stopwatch.GetElapsedTime(started);
        var after = sources.Select(s => s.ReadSeconds()).ToArray();
        return new StepCost(wall, sources.Select((s, i) => (s, after[i] - before[i])).ToArray());
    }
}
