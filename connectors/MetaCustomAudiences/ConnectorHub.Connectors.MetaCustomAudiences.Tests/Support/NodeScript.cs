using System.Runtime.CompilerServices;
using ConnectorHub.TestSupport;

namespace ConnectorHub.Connectors.MetaCustomAudiences.Tests.Support;

/// <summary>The scripts of <c>NodeClient/</c>, which pins Meta's official Node Business SDK.</summary>
public static class NodeScript
{
    private static readonly NodeScripts Scripts = new(Path.Combine(Path.GetDirectoryName(SourceFile())!, "..", "NodeClient"), "Meta's official Node Business SDK");

    /// <summary>Why the Node client tests cannot run here, or null when they can.</summary>
    public static string? SkipReason => Scripts.SkipReason;

    public static Task<System.Text.Json.Nodes.JsonObject> RunAsync(string script, params string[] arguments) => Scripts.RunAsync(script, arguments);

    private static string SourceFile([CallerFilePath] string path = "") => path;
}
