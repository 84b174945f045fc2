using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace ConnectorHub.Connectors.MetaAds.Tests.Support;

/// <summary>
/// Runs a script of <c>NodeClient/</c> (Meta's official Node Business SDK, pinned by the committed package-lock.json)
/// and parses its JSON output. Installs the packages with <c>npm ci</c> the first time.
/// </summary>
public static class NodeScript
{
    public static string Folder { get; } = Path.Combine(Path.GetDirectoryName(SourceFile())!, "..", "NodeClient");

    /// <summary>Why the Node client tests cannot run here, or null when they can.</summary>
    public static string? SkipReason { get; } = Tool("node") is null
        ? "node is not installed (or not on PATH): the official Meta Node SDK cannot run here."
        : !Directory.Exists(Path.Combine(Folder, "node_modules")) && Tool("npm") is null
            ? "NodeClient/node_modules is missing and npm is not on PATH to install it (run `npm ci` in NodeClient/)."
            : null;

    public static async Task<JsonObject> RunAsync(string script, params string[] arguments)
    {
        if (!Directory.Exists(Path.Combine(Folder, "node_modules")))
        {
            await ExecAsync("npm", ["ci", "--no-audit", "--no-fund"], TimeSpan.FromMinutes(5));
        }

        var output = await ExecAsync("node", [script, .. arguments], TimeSpan.FromMinutes(2));
        return JsonNode.Parse(output)!.AsObject();
    }

    private static async Task<string> ExecAsync(string tool, string[] arguments, TimeSpan limit)
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

    private static string SourceFile([CallerFilePath] string path = "") => path;
}
