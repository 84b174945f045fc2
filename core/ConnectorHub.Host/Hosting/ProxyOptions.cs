namespace ConnectorHub.Host.Hosting;

/// <summary>
/// The TLS-terminating reverse proxy in front of the hub (section <c>ConnectorHub:Proxy</c>). The hub believes
/// <c>X-Forwarded-Proto</c> and <c>X-Forwarded-For</c> only from these addresses; loopback is always trusted. With
/// the proxy's <c>https</c> believed, sign-in cookies are marked <c>Secure</c> and redirects stay on https.
/// </summary>
public sealed class ProxyOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ConnectorHub:Proxy";

    /// <summary>Addresses of trusted proxies, such as <c>10.0.0.5</c>.</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation, such as <c>10.0.0.0/8</c>.</summary>
    public IList<string> KnownNetworks { get; } = [];
}
