using System.Globalization;

namespace ConnectorHub.Benchmarks.Measurement;

/// <summary>When a benchmark ran and how busy the machine was (<c>/proc/loadavg</c>), printed at its start and end.</summary>
public static class MachineLoad
{
    /// <summary>For example <c>2026-12-07 10:31:02 UTC, 2 cores, load average 5.72 7.38 11.45</c>.</summary>
    public static string Describe()
    {
        var load = string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        return string.Create(CultureInfo.InvariantCulture,
            $"{TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm:ss} UTC, {Environment.ProcessorCount} cores, load average {load} (1, 5, 15 min)");
    }
}
