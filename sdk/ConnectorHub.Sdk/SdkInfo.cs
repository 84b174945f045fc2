namespace ConnectorHub.Sdk;

/// <summary>Identifies the version of the connector SDK that a plugin or host was built with.</summary>
public static class SdkInfo
{
    /// <summary>The major version of the plugin contract this SDK is.</summary>
    public const int MajorVersion = 2;

    /// <summary>
    /// The oldest major version whose plugins still load: SDK 2 keeps every SDK 1 contract (the connector interfaces,
    /// <c>ConnectorHttpClient</c>, <c>OAuthTokenManager</c>, <c>ConnectorConfig</c>) binary compatible.
    /// </summary>
    public const int OldestSupportedMajorVersion = 1;

    /// <summary>The full SDK version of this assembly.</summary>
    public static Version Version { get; } = typeof(SdkInfo).Assembly.GetName().Version ?? new Version(MajorVersion, 0);

    /// <summary>Whether a plugin built for SDK <paramref name="version"/> can load in a host with this SDK.</summary>
    public static bool Supports(Version version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return version.Major is >= OldestSupportedMajorVersion and <= MajorVersion;
    }
}
