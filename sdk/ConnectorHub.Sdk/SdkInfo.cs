namespace ConnectorHub.Sdk;

/// <summary>Identifies the version of the connector SDK that a plugin or host was built with.</summary>
public static class SdkInfo
{
    /// <summary>The major version of the plugin contract. Plugins built for another major version are refused.</summary>
    public const int MajorVersion = 1;

    /// <summary>The full SDK version of this assembly.</summary>
    public static Version Version { get; } = typeof(SdkInfo).Assembly.GetName().Version ?? new Version(MajorVersion, 0);
}
