using System.Diagnostics;
using System.Text;
using ConnectorHub.TestSupport;

namespace ConnectorHub.Cli.Tests.Support;

/// <summary>The CLI as a real child process (<c>dotnet connectorhub.dll ...</c>), as a user or a script runs it.</summary>
public sealed class CliProcess : IDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private CliProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Append(_output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(_error, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>What the process wrote on standard output so far.</summary>
    public string Output => Read(_output);

    /// <summary>The path of the built CLI for the configuration the tests were built in.</summary>
    public static string Assembly
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            return Path.Combine(RepoPaths.Root, "core", "ConnectorHub.Cli", "bin", configuration, "net10.0", "connectorhub.dll");
        }
    }

    /// <summary>Starts <c>connectorhub</c> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    public static CliProcess Start(string workingDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Assembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Small batches so progress and checkpoints move within a short test; no developer settings leak in.
        start.Environment["ConnectorHub__Runner__BatchSize"] = "10";
        start.Environment["ConnectorHub__Runner__HeartbeatInterval"] = "00:00:00.200";
        start.Environment["ConnectorHub__Runner__ResumeDelay"] = "00:00:00.010";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return new CliProcess(Process.Start(start) ?? throw new InvalidOperationException("Could not start the CLI."));
    }

    /// <summary>Runs <c>connectorhub</c> to its end.</summary>
    public static async Task<CliResult> RunAsync(string workingDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var process = Start(workingDirectory, arguments, environment);
        return await process.WaitAsync(DefaultTimeout);
    }

    /// <summary>Waits for the process to end.</summary>
    public async Task<CliResult> WaitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"The CLI did not finish within {timeout.TotalSeconds:0} s.\n--- stdout ---\n{Output}\n--- stderr ---\n{Read(_error)}");
        }

        // The parameterless wait also drains the redirected output streams.
        await _process.WaitForExitAsync(CancellationToken.None);
        return new CliResult(_process.ExitCode, Output, Read(_error));
    }

    /// <summary>Sends a POSIX signal (INT is what Ctrl+C sends, TERM what a service manager sends).</summary>
    public Task SignalAsync(string signal) => ProcessSignals.SendAsync(Id, signal);

    /// <summary>Ends the process at once (SIGKILL), as a crash would.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private static void Append(StringBuilder into, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (into)
        {
            into.AppendLine(line);
        }
    }

    private static string Read(StringBuilder from)
    {
        lock (from)
        {
            return from.ToString();
        }
    }
}
