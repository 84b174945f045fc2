using System.Text.Json.Nodes;

namespace ConnectorHub.Connectors.HubSpot.Tests;

/// <summary>plugin.json names this connector as the host will load it.</summary>
public sealed class PluginManifestTests
{
    [Fact]
    public void Manifest_NamesTheEntryType_AndHubSpotsApiHost()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "plugin.json")))!;

        Assert.Equal("hubspot", manifest["id"]!.ToString());
        Assert.Equal("source", manifest["kind"]!.ToString());
        Assert.Equal(typeof(HubSpotSource).FullName, manifest["entryType"]!.ToString());
        Assert.Equal(typeof(HubSpotSource).Assembly.GetName().Name + ".dll", manifest["assembly"]!.ToString());
        Assert.Equal(["api.hubapi.com"], manifest["allowedHosts"]!.AsArray().Select(h => h!.ToString()));
    }
}
