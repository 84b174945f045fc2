using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Manifests;
using ConnectorHub.TestSupport;

namespace ConnectorHub.Connectors.Stripe.Tests.Support;

/// <summary>The Stripe plugin as the hub loads it: its installed folder under artifacts/plugins.</summary>
public static class StripePlugin
{
    public static string Folder => Path.Combine(RepoPaths.Plugins, "stripe");

    public static ManifestSource Load() => ManifestSource.FromFolder(Folder);

    public static JsonObject Config(Uri baseAddress, string key, int pageSize = 10) => new()
    {
        ["api_key"] = key,
        ["base_url"] = baseAddress.ToString().TrimEnd('/'),
        ["page_size"] = pageSize,
    };
}
