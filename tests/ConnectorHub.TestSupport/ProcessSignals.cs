using System.Diagnostics;
using System.Globalization;

namespace ConnectorHub.TestSupport;

/// <summary>Sends POSIX signals to test processes (<c>kill -s</c>): INT and TERM to stop, STOP and CONT to freeze.</summary>
public static class ProcessSignals
{
    /// <summary>Sends <paramref name="signal"/> (a name such as <c>STOP</c>) to <paramref name="processId"/>.</summary>
    public static async Task SendAsync(int processId, string signal)
    {
        using var kill = Process.Start("kill", ["-s", signal, processId.ToString(CultureInfo.InvariantCulture)])
            ?? throw new InvalidOperationException("Could not run kill.");
        await kill.WaitForExitAsync();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -s {signal} {processId} exited with {kill.ExitCode}.");
        }
    }
}
