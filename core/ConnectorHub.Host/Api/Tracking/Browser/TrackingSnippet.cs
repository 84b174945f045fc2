using System.Text.Json;

namespace ConnectorHub.Host.Api.Tracking.Browser;

/// <summary>
/// The script a web page puts in its <c>&lt;head&gt;</c> to track with Segment's browser library served by the hub. Like
/// Segment's own snippet it defines <c>window.analytics</c> at once, queues calls made before the library arrives
/// (each with the page it was made on), loads the library without blocking the page and records a page view; unlike
/// it, the library, its settings and every event stay on the hub (<c>analytics._cdn</c>).
/// </summary>
internal static class TrackingSnippet
{
    /// <summary>A placeholder for pages shown without a key's value (keys are shown only when created).</summary>
    public const string WriteKeyPlaceholder = "YOUR_WRITE_KEY";

    public static string Html(Uri hub, string writeKey)
    {
        var key = JsonSerializer.Serialize(writeKey);
        var cdn = JsonSerializer.Serialize(hub.ToString().TrimEnd('/'));
        return $$"""
            <script>
            !function () {
              var analytics = window.analytics = window.analytics || [];
              if (analytics.initialize || analytics.invoked) return;
              analytics.invoked = true;
              analytics.methods = ["trackSubmit", "trackClick", "trackLink", "trackForm", "pageview", "identify", "reset", "group", "track",
                "ready", "alias", "debug", "page", "screen", "once", "off", "on", "addSourceMiddleware", "addIntegrationMiddleware",
                "setAnonymousId", "addDestinationMiddleware", "register"];
              analytics.methods.forEach(function (method) {
                analytics[method] = function () {
                  if (window.analytics.initialized) return window.analytics[method].apply(window.analytics, arguments);
                  var args = Array.prototype.slice.call(arguments);
                  if (["track", "screen", "alias", "group", "page", "identify"].indexOf(method) > -1) {
                    var canonical = document.querySelector("link[rel='canonical']");
                    args.push({ __t: "bpc", c: canonical && canonical.getAttribute("href") || undefined, p: location.pathname,
                      u: location.href, s: location.search, t: document.title, r: document.referrer });
                  }
                  analytics.push([method].concat(args));
                  return analytics;
                };
              });
              analytics.load = function (key, options) {
                var script = document.createElement("script");
                script.async = true;
                script.setAttribute("data-global-segment-analytics-key", "analytics");
                script.src = analytics._cdn + "/analytics.js/v1/" + encodeURIComponent(key) + "/analytics.min.js";
                var first = document.getElementsByTagName("script")[0];
                first.parentNode.insertBefore(script, first);
                analytics._loadOptions = options;
              };
              analytics._writeKey = {{key}};
              analytics._cdn = {{cdn}};
              analytics.load({{key}});
              analytics.page();
            }();
            </script>
            """;
    }
}
