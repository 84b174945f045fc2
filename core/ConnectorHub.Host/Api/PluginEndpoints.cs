using System.Text.Json.Nodes;
using ConnectorHub.Core.Plugins;
using ConnectorHub.Host.Access;
using ConnectorHub.Sdk.Destinations;

namespace ConnectorHub.Host.Api;

/// <summary><c>/api/plugins</c>: the installed connectors with their specs, and the refused plugin folders.</summary>
internal static class PluginEndpoints
{
    public static IEndpointRouteBuilder MapPluginEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/plugins").WithTags("Plugins").RequireAuthorization(HubPolicies.Read);
        group.MapGet("/", (PluginCatalog catalog) => catalog.Plugins.Select(PluginResponse.From))
            .WithSummary("Installed connector plugins, each with its configuration spec.");
        group.MapGet("/{id}", (string id, PluginCatalog catalog) => catalog.Find(id) is { } plugin
                ? Results.Ok(PluginResponse.From(plugin))
                : Results.Problem(statusCode: 404, title: "No such plugin", detail: $"No plugin with id '{id}' is installed."))
            .WithSummary("One installed plugin.");
        group.MapGet("/refused", (PluginCatalog catalog) => catalog.Refusals)
            .WithSummary("Plugin folders the hub refused to load, with the reason and how to fix it.");
        return routes;
    }
}

/// <summary>An installed plugin as the API shows it.</summary>
internal sealed record PluginResponse(
    string Id,
    string Name,
    string Version,
    PluginKind Kind,
    string? Description,
    string SdkVersion,
    IReadOnlyList<string> AllowedHosts,
    JsonObject ConfigSchema,
    Uri? DocumentationUrl,
    DestinationCapabilities? Capabilities)
{
    public static PluginResponse From(LoadedPlugin plugin) => new(
        plugin.Id,
        plugin.Manifest.Name,
        plugin.Manifest.Version,
        plugin.Manifest.Kind,
        plugin.Manifest.Description,
        plugin.Manifest.SdkVersion,
        plugin.Manifest.AllowedHosts,
        plugin.Spec.ConfigSchema,
        plugin.Spec.DocumentationUrl,
        plugin.Manifest.Kind == PluginKind.Destination ? plugin.Destination.GetCapabilities() : null);
}
