using ConnectorHub.Cli.Tests.Support;
using ConnectorHub.TestSupport;

namespace ConnectorHub.Cli.Tests.Runs;

public sealed class RunInterruptionTests : IDisposable
{
    private const int Count = 800;
    private readonly CliWorkspace _workspace = new();

    [Fact]
    public async Task CtrlC_CancelsTheRunGracefully_AndTheNextRunResumesWhereItStopped()
    {
        var sync = _workspace.WriteSync("numbers", $"count: {Count}, delay_ms: 2, state_every: 3");
        using var running = _workspace.Start(null, "run", "--config", sync);
        await Eventually.HoldsAsync(() => _workspace.Deliveries().Count >= 30, TimeSpan.FromSeconds(60), "some records arrived");

        await running.SignalAsync(InterruptSignal());
        var cancelled = await running.WaitAsync(TimeSpan.FromSeconds(30));
        var delivered = _workspace.Deliveries().Count;
        var resumed = await _workspace.RunAsync("run", "--config", sync);

        Assert.True(cancelled.ExitCode == 130, cancelled.ToString());
        Assert.Contains("was cancelled", cancelled.Output, StringComparison.Ordinal);
        Assert.InRange(delivered, 30, Count - 1);
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Equal(Enumerable.Range(1, Count), _workspace.Numbers());
        // A write in flight is let finish and what was read after the last checkpoint is read again, not written:
        // a cancelled run sends no record twice.
        Assert.Equal(Count, _workspace.Deliveries().Count);
    }

    [Fact]
    public async Task Run_ResumesAfterAKilledRun_InsteadOfWaitingForItForever()
    {
        var sync = _workspace.WriteSync("numbers", $"count: {Count}, delay_ms: 2, state_every: 3");
        var staleFast = new Dictionary<string, string> { ["ConnectorHub__Runner__StaleAfter"] = "00:00:00.500" };
        using (var running = _workspace.Start(staleFast, "run", "--config", sync))
        {
            await Eventually.HoldsAsync(() => _workspace.Deliveries().Count >= 30, TimeSpan.FromSeconds(60), "some records arrived");
            running.Kill();
        }

        var resumed = await _workspace.RunAsync(staleFast, "run", "--config", sync);

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Contains("stopped without finishing", resumed.Output, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(1, Count), _workspace.Numbers());
    }

    public void Dispose() => _workspace.Dispose();

    /// <summary>
    /// SIGINT, as Ctrl+C sends. A process that ignores SIGINT (a background job of a non-interactive shell) passes
    /// that on to its children, and .NET keeps it ignored; the CLI handles SIGTERM the same way, so use that there.
    /// </summary>
    private static string InterruptSignal()
    {
        var ignored = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        var mask = ignored is null ? 0 : Convert.ToUInt64(ignored["SigIgn:".Length..].Trim(), 16);
        return (mask & (1UL << 1)) != 0 ? "TERM" : "INT";
    }
}
