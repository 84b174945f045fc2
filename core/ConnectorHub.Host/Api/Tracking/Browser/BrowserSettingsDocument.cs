using System.Text.Json.Nodes;

namespace ConnectorHub.Host.Api.Tracking.Browser;

/// <summary>
/// The settings document the browser library fetches at start (<c>/v1/projects/{writeKey}/settings</c>), in the
/// shape Segment's CDN serves: the hub is the only destination ("Segment.io") and its API host, so every event is sent
/// to the hub; no classic destinations, middleware or remote plugins (nothing else is loaded); the library's own
/// usage metrics off (they would go to Segment).
/// </summary>
internal static class BrowserSettingsDocument
{
    public static JsonObject For(string writeKey, Uri hub) => new()
    {
        ["integrations"] = new JsonObject
        {
            ["Segment.io"] = new JsonObject
            {
                ["apiKey"] = writeKey,
                ["apiHost"] = ApiHost(hub),
                ["protocol"] = hub.Scheme,
                ["unbundledIntegrations"] = new JsonArray(),
                ["addBundledMetadata"] = true,
                ["maybeBundledConfigIds"] = new JsonObject(),
            },
        },
        ["plan"] = new JsonObject(),
        ["edgeFunction"] = new JsonObject(),
        ["analyticsNextEnabled"] = true,
        ["middlewareSettings"] = new JsonObject(),
        ["enabledMiddleware"] = new JsonObject(),
        ["metrics"] = new JsonObject { ["sampleRate"] = 0, ["host"] = ApiHost(hub) },
        ["legacyVideoPluginsEnabled"] = false,
        ["remotePlugins"] = new JsonArray(),
    };

    /// <summary>The library's <c>apiHost</c>: host, port and path of the hub's <c>/v1</c>, without the scheme.</summary>
    private static string ApiHost(Uri hub) => hub.Authority + hub.AbsolutePath.TrimEnd('/') + "/v1";
}
