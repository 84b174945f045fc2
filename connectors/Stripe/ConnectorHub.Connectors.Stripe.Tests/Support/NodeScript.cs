using System.Runtime.CompilerServices;
using ConnectorHub.TestSupport;

namespace ConnectorHub.Connectors.Stripe.Tests.Support;

/// <summary>The scripts of <c>NodeClient/</c>, which pins Stripe's official Node client.</summary>
public static class NodeScript
{
    private static readonly NodeScripts Scripts = new(Path.Combine(Path.GetDirectoryName(SourceFile())!, "..", "NodeClient"), "Stripe's official Node client");

    /// <summary>Why the Node client tests cannot run here, or null when they can.</summary>
    public static string? SkipReason => Scripts.SkipReason;

    public static Task<System.Text.Json.Nodes.JsonObject> RunAsync(string script, params string[] arguments) => Scripts.RunAsync(script, arguments);

    private static string SourceFile([CallerFilePath] string path = "") => path;
}

/// <summary>A fact that runs only where the Node client can (see <see cref="NodeScript.SkipReason"/>).</summary>
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute()
    {
        if (NodeScript.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
