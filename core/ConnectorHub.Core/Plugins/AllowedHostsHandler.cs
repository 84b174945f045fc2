using System.Net;

namespace ConnectorHub.Core.Plugins;

/// <summary>Refuses outgoing requests to hosts the plugin's manifest does not allow.</summary>
internal sealed class AllowedHostsHandler(PluginManifest manifest, bool allowLoopback) : DelegatingHandler(new SocketsHttpHandler())
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var host = request.RequestUri?.Host ?? string.Empty;
        if (!IsAllowed(host))
        {
            throw new Sdk.Errors.ConfigurationException(
                $"Plugin '{manifest.Id}' may not call '{host}': its plugin.json allows only {string.Join(", ", manifest.AllowedHosts.DefaultIfEmpty("no hosts"))}. " +
                "Point the connection at an allowed host, or add the host to 'allowedHosts' in the plugin's manifest.");
        }

        return base.SendAsync(request, cancellationToken);
    }

    internal bool IsAllowed(string host)
    {
        if (allowLoopback && (host == "localhost" || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip))))
        {
            return true;
        }

        return manifest.AllowedHosts.Any(pattern => pattern == "*"
            || string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase)
            || (pattern.StartsWith("*.", StringComparison.Ordinal) && host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase)));
    }
}
