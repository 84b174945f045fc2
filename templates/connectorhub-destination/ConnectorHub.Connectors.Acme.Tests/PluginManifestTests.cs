using System.Text.Json.Nodes;
using ConnectorHub.Sdk;

namespace ConnectorHub.Connectors.Acme.Tests;

/// <summary>plugin.json names this connector as the hub loads it.</summary>
public sealed class PluginManifestTests
{
    [Fact]
    public void Manifest_NamesTheEntryTypeAndAssembly_ForThisSdk()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "plugin.json")))!;

        Assert.Equal("destination", manifest["kind"]!.GetValue<string>());
        Assert.Equal(typeof(AcmeDestination).FullName, manifest["entryType"]!.GetValue<string>());
        Assert.Equal(typeof(AcmeDestination).Assembly.GetName().Name + ".dll", manifest["assembly"]!.GetValue<string>());
        Assert.Equal(SdkInfo.MajorVersion, Version.Parse(manifest["sdkVersion"]!.GetValue<string>()).Major);
    }
}
