namespace ConnectorHub.Host.Demo;

/// <summary>
/// Turns the <c>--demo</c> switch into the setting <c>ConnectorHub:Demo=true</c>. The command-line configuration
/// reads <c>--key value</c> pairs, so a bare <c>--demo</c> would be dropped, or swallow the argument after it.
/// </summary>
internal static class DemoArguments
{
    public const string Switch = "--demo";

    public static string[] Expand(string[] args) =>
        args.Select(a => string.Equals(a, Switch, StringComparison.OrdinalIgnoreCase) ? $"--{DemoOptions.Setting}=true" : a).ToArray();
}
