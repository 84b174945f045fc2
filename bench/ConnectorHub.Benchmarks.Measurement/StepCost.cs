namespace ConnectorHub.Benchmarks.Measurement;

/// <summary>What one measured step cost: its wall-clock time and the CPU seconds each source used meanwhile.</summary>
public sealed record StepCost(TimeSpan Wall, IReadOnlyList<(CpuSource Source, double? Seconds)> Cpu)
{
    /// <summary>The CPU seconds of the sources that count to the side's cost; null when one of them could not be read.</summary>
    public double? CostSeconds => Cpu.Where(c => c.Source.CountsToCost).Aggregate<(CpuSource Source, double? Seconds), double?>(0, (sum, c) => sum + c.Seconds);

    /// <summary>The CPU seconds of the source named <paramref name="name"/>, or null.</summary>
    public double? SecondsOf(string name) => Cpu.FirstOrDefault(c => c.Source.Name == name).Seconds;
}
