using System.Diagnostics;
using System.Text;

namespace ConnectorHub.Templates.Tests.Support;

/// <summary>What a finished <c>dotnet</c> child process did.</summary>
/// <param name="Command">The command line, for messages.</param>
/// <param name="ExitCode">Its exit code.</param>
/// <param name="Output">Standard output and standard error, interleaved as they came.</param>
public sealed record CommandResult(string Command, int ExitCode, string Output)
{
    /// <summary>Whether it exited 0.</summary>
    public bool Succeeded => ExitCode == 0;

    /// <summary>The command, its exit code and the end of its output: enough to see why it failed.</summary>
    public string Describe(int tail = 6000) =>
        $"`{Command}` exited {ExitCode}:\n{(Output.Length <= tail ? Output : "…" + Output[^tail..])}";
}

/// <summary>
/// Runs the .NET CLI as a child process, as a connector author would in a shell. The child gets no build servers
/// and no MSBuild node reuse, so nothing it starts outlives it (and holds this test's pipes), and none of the
/// MSBuild or VSTest variables of the test run that hosts it.
/// </summary>
public static class DotnetCommand
{
    public static async Task<CommandResult> RunAsync(string workingDirectory, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        // The dotnet that runs these tests (the CLI tells its children where it is), else the one on the PATH.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(IsHostRunVariable).ToArray())
        {
            start.Environment.Remove(name);
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["UseSharedCompilation"] = "false";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

        var command = $"dotnet {string.Join(' ', arguments)}";
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            return new CommandResult(command, -1, $"(killed after {timeout.TotalSeconds:0} s)\n{Read(output)}");
        }

        // The wait without a token also drains the redirected output.
        await process.WaitForExitAsync(CancellationToken.None);
        return new CommandResult(command, process.ExitCode, Read(output));
    }

    private static bool IsHostRunVariable(string name) =>
        name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase);

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Read(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
