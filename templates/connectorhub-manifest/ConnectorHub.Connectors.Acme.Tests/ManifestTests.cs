using System.Text.Json.Nodes;
using ConnectorHub.Sdk;
using ConnectorHub.Sdk.Manifests;

namespace ConnectorHub.Connectors.Acme.Tests;

/// <summary>The plugin folder is what the hub loads: a plugin.json with no assembly beside a connector.yaml that reads.</summary>
public sealed class ManifestTests
{
    [Fact]
    public void PluginJson_NamesNoAssembly_AndThisSdk()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(AcmeSourceFixture.PluginFolder, "plugin.json")))!;

        Assert.Equal("source", manifest["kind"]!.GetValue<string>());
        Assert.Null(manifest["assembly"]);
        Assert.Equal(SdkInfo.MajorVersion, Version.Parse(manifest["sdkVersion"]!.GetValue<string>()).Major);
    }

    [Fact]
    public void ConnectorYaml_Reads_WithTheApiKeySecret()
    {
        var manifest = ConnectorManifest.Load(Path.Combine(AcmeSourceFixture.PluginFolder, ConnectorManifest.FileName));

        Assert.Equal("Acme", manifest.Platform);
        Assert.True(manifest.ConfigSchema["properties"]!["api_key"]!["secret"]!.GetValue<bool>());
    }
}
