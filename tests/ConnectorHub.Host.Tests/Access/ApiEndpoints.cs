using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectorHub.Host.Tests.Access;

/// <summary>
/// Every <c>/api</c> endpoint the host maps, read from its routing table (so an endpoint added later is covered
/// without touching the tests), with route values filled in from <see cref="AccessHub"/>'s data.
/// </summary>
public static partial class ApiEndpoints
{
    public static IReadOnlyList<(HttpMethod Method, string Path)> All(AccessHub hub)
    {
        ArgumentNullException.ThrowIfNull(hub);
        var endpoints = hub.Hub.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var result = new List<(HttpMethod, string)>();
        foreach (var endpoint in endpoints)
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');
            if (!pattern.StartsWith("/api/", StringComparison.Ordinal) || pattern.StartsWith("/api/setup", StringComparison.Ordinal))
            {
                continue;
            }

            var path = Parameter().Replace(pattern, m => ValueFor(hub, pattern, m.Index)).TrimEnd('/');
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                result.Add((new HttpMethod(method), path));
            }
        }

        return result.Distinct().OrderBy(e => e.Item2, StringComparer.Ordinal).ThenBy(e => e.Item1.Method, StringComparer.Ordinal).ToArray();
    }

    public static bool IsRead(HttpMethod method) => method == HttpMethod.Get || method == HttpMethod.Head;

    /// <summary>A read, or a POST that only reads (its body is a query too large for a URL).</summary>
    public static bool IsRead(HttpMethod method, string path) => IsRead(method) || (method == HttpMethod.Post && path == "/api/segments/preview");

    public static bool IsAdminOnly(string path) => path.StartsWith("/api/users", StringComparison.Ordinal) || path.StartsWith("/api/tokens", StringComparison.Ordinal);

    private static string ValueFor(AccessHub hub, string pattern, int index)
    {
        var before = pattern[..index];
        return before switch
        {
            _ when before.EndsWith("/api/connections/", StringComparison.Ordinal) => hub.ConnectionId.ToString(),
            _ when before.EndsWith("/api/syncs/", StringComparison.Ordinal) => hub.SyncId.ToString(),
            _ when before.EndsWith("/api/runs/", StringComparison.Ordinal) => hub.RunId.ToString(),
            _ when before.EndsWith("/api/plugins/", StringComparison.Ordinal) => "echo",
            _ => Guid.NewGuid().ToString(),
        };
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
