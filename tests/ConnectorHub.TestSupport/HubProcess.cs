using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;

namespace ConnectorHub.TestSupport;

/// <summary>
/// The hub as a real child process (<c>dotnet ConnectorHub.Host.dll</c>) on a free loopback port: what an admin
/// runs, for tests that need a real process (start with no configuration, kill -9 in the middle of a sync, several nodes).
/// </summary>
public sealed class HubProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HubProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The hub's address.</summary>
    public Uri BaseAddress { get; }

    /// <summary>A client for the hub's HTTP API.</summary>
    public HttpClient Client { get; }

    /// <summary>Everything the process wrote so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The process id (the hub records <c>{machine}:{pid}</c> on the runs it executes).</summary>
    public int ProcessId => _process.Id;

    /// <summary>Whether the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The path of the built host assembly for the configuration the tests were built in.</summary>
    public static string HostAssembly
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            return Path.Combine(RepoPaths.Root, "core", "ConnectorHub.Host", "bin", configuration, "net10.0", "ConnectorHub.Host.dll");
        }
    }

    /// <summary>Starts the hub in <paramref name="workingDirectory"/> with <paramref name="environment"/> and waits until /healthz answers.</summary>
    public static async Task<HubProcess> StartAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var port = FreePort.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(HostAssembly);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the hub process.");
        var hub = new HubProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            await Eventually.HoldsAsync(async () => hub.HasExited ? throw new InvalidOperationException($"The hub exited with {process.ExitCode}:\n{hub.Output}") : await hub.IsHealthyAsync(), timeout ?? TimeSpan.FromSeconds(60), "the hub answers /healthz");
        }
        catch
        {
            await hub.DisposeAsync();
            throw;
        }

        return hub;
    }

    /// <summary>Kills the process at once (SIGKILL), as a crash would.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    /// <summary>Freezes the process (SIGSTOP), as a long GC pause, a frozen VM or CPU starvation would.</summary>
    public Task FreezeAsync() => ProcessSignals.SendAsync(ProcessId, "STOP");

    /// <summary>
    /// Freezes the process at a moment it holds no file write lock (<c>/proc/locks</c>): an embedded SQLite database
    /// then stays writable for other processes, as it is when a single-node hub stalls between transactions. (A node
    /// frozen inside a SQLite write keeps every other process out until it wakes: SQLite is single-node.)
    /// </summary>
    public async Task FreezeOutsideWritesAsync()
    {
        var holder = $" WRITE {ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)} ";
        await Eventually.HoldsAsync(async () =>
        {
            await FreezeAsync();
            if (!(await File.ReadAllLinesAsync("/proc/locks")).Any(l => l.Contains(holder, StringComparison.Ordinal)))
            {
                return true;
            }

            await ThawAsync();
            return false;
        }, TimeSpan.FromSeconds(30), "the hub is frozen between two database writes");
    }

    /// <summary>Wakes a frozen process (SIGCONT).</summary>
    public Task ThawAsync() => ProcessSignals.SendAsync(ProcessId, "CONT");

    /// <summary>GETs a JSON document from the hub.</summary>
    public Task<T?> GetJsonAsync<T>(string path) => Client.GetFromJsonAsync<T>(path);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        Client.Dispose();
        await Task.CompletedTask;
    }

    private async Task<bool> IsHealthyAsync()
    {
        try
        {
            using var response = await Client.GetAsync(new Uri("healthz", UriKind.Relative));
            return (int)response.StatusCode < 500;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
