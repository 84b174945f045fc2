using System.Globalization;

namespace ConnectorHub.Benchmarks.Measurement;

/// <summary>
/// One process's line of <c>/proc/&lt;pid&gt;/stat</c>: its parent and the CPU it used, in seconds (clock ticks over
/// <c>getconf CLK_TCK</c>). Reaped children's CPU is what the process's own <c>wait</c> collected from exited children.
/// </summary>
public sealed record ProcessStat(int Pid, int ParentPid, double OwnSeconds, double ReapedChildrenSeconds)
{
    private static readonly Lazy<double> TicksPerSecond = new(ReadClockTicks);

    /// <summary>Reads the process's stat, or null when it has exited (or is not visible from here).</summary>
    public static ProcessStat? Read(int pid)
    {
        string line;
        try
        {
            line = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // The command name (field 2) is in parentheses and may hold spaces or ')': the fields that follow start after the last ')'.
        var fields = line[(line.LastIndexOf(')') + 2)..].Split(' ');
        double Ticks(int field) => long.Parse(fields[field - 3], CultureInfo.InvariantCulture) / TicksPerSecond.Value;
        return new ProcessStat(
            pid,
            int.Parse(fields[4 - 3], CultureInfo.InvariantCulture),
            OwnSeconds: Ticks(14) + Ticks(15),        // utime + stime
            ReapedChildrenSeconds: Ticks(16) + Ticks(17)); // cutime + cstime
    }

    /// <summary>The processes whose parent is <paramref name="parentPid"/>, as they are now.</summary>
    public static IEnumerable<ProcessStat> ChildrenOf(int parentPid)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && Read(pid) is { } stat && stat.ParentPid == parentPid)
            {
                yield return stat;
            }
        }
    }

    private static double ReadClockTicks()
    {
        var start = new System.Diagnostics.ProcessStartInfo("getconf", "CLK_TCK") { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException("Could not run getconf CLK_TCK.");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return double.Parse(output.Trim(), CultureInfo.InvariantCulture);
    }
}
