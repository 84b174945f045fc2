using System.Diagnostics;
using System.Text.Json.Nodes;

namespace ConnectorHub.TestSupport;

/// <summary>
/// Runs the Node scripts of one folder that pins an official Node client library (its committed package-lock.json)
/// and parses their JSON output. Installs the packages with <c>npm ci</c> the first time.
/// </summary>
/// <param name="folder">The folder with package.json, package-lock.json and the scripts.</param>
/// <param name="client">What the folder pins, for the skip reason (e.g. "Square's official Node client").</param>
public sealed class NodeScripts(string folder, string client)
{
    /// <summary>The folder the scripts run in.</summary>
    public string Folder { get; } = Path.GetFullPath(folder);

    /// <summary>Why the scripts cannot run here, or null when they can.</summary>
    public string? SkipReason => Tool("node") is null
        ? $"node is not installed (or not on PATH): {client} cannot run here."
        : !Directory.Exists(Path.Combine(Folder, "node_modules")) && Tool("npm") is null
            ? $"{Folder}/node_modules is missing and npm is not on PATH to install it (run `npm ci` there)."
            : null;

    /// <summary>Runs <paramref name="script"/> with <paramref name="arguments"/> and parses what it prints as a JSON object.</summary>
    public async Task<JsonObject> RunAsync(string script, params string[] arguments)
    {
        if (!Directory.Exists(Path.Combine(Folder, "node_modules")))
        {
            await ExecAsync("npm", ["ci", "--no-audit", "--no-fund"], TimeSpan.FromMinutes(5));
        }

        var output = await ExecAsync("node", [script, .. arguments], TimeSpan.FromMinutes(2));
        return JsonNode.Parse(output)!.AsObject();
    }

    private async Task<string> ExecAsync(string tool, string[] arguments, TimeSpan limit)
    {
        var start = new ProcessStartInfo(tool) { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(limit);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode == 0
            ? await stdout
            : throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await stderr}");
    }

    private static string? Tool(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
