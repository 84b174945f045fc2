namespace ConnectorHub.Host.Demo;

/// <summary>Demo mode's switch: <c>ConnectorHub:Demo=true</c> (or <c>--demo</c> on the command line).</summary>
internal static class DemoOptions
{
    public const string Setting = "ConnectorHub:Demo";

    /// <summary>The user demo mode signs in as.</summary>
    public const string UserName = "demo";

    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue<bool>(Setting);
}
