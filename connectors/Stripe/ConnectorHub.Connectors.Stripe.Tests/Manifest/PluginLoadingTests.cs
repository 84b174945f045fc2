using ConnectorHub.Connectors.Stripe.Tests.Support;
using ConnectorHub.Core.Plugins;
using ConnectorHub.Sdk.Manifests;
using ConnectorHub.Sdk.Sources;
using ConnectorHub.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConnectorHub.Connectors.Stripe.Tests.Manifest;

/// <summary>The hub loads the Stripe folder (no assembly) as a source, and refuses a broken manifest naming file and line while the others load.</summary>
public sealed class PluginLoadingTests : IDisposable
{
    private readonly PluginDirectory _plugins = new();

    public void Dispose() => _plugins.Dispose();

    [Fact]
    public async Task TheHub_LoadsTheManifestOnlyFolder_AsASource()
    {
        _plugins.Install(StripePlugin.Folder, "stripe");

        var catalog = new PluginLoader(NullLogger<PluginLoader>.Instance).LoadAll(_plugins.Path);

        Assert.Empty(catalog.Refusals);
        var plugin = Assert.Single(catalog.Plugins);
        Assert.True(plugin.Manifest.IsManifestOnly);
        Assert.IsType<ManifestSource>(plugin.Connector);
        Assert.Empty(Directory.GetFiles(plugin.Directory, "*.dll"));
        Assert.Equal(["api_key"], Sdk.Specs.ConfigSecrets.SecretFields(plugin.Spec));
        var streams = await plugin.Source.DiscoverAsync(new Sdk.Connectors.ConnectorContext { Config = Sdk.Connectors.ConnectorConfig.Empty }, CancellationToken.None);
        Assert.Equal(["customers", "charges"], streams.Select(s => s.Name));
        Assert.All(streams, s => Assert.Equal([SyncMode.FullRefresh, SyncMode.Incremental], s.SupportedSyncModes));
    }

    [Theory]
    [InlineData("    paginator:\n      type: cursor\n", "    paginator:\n      type: cursr\n", "paginator type 'cursr' is not one of")]
    [InlineData("    records: data\n", "    recrods: data\n", "has an unknown key 'recrods'")]
    [InlineData("  type: bearer\n", "  type: oauth\n", "auth type 'oauth' is not one of")]
    [InlineData("version: 1\n", "version: 7\n", "version 7 is not supported")]
    [InlineData("    action: configuration\n", "    action: [configuration\n", "not valid YAML")]
    public void ABrokenManifest_IsRefused_NamingFileLineAndProblem_AndTheOthersLoad(string good, string bad, string problem)
    {
        _plugins.Install(StripePlugin.Folder, "stripe");
        _plugins.Install(StripePlugin.Folder, "broken");
        var path = _plugins.Combine("broken", "connector.yaml");
        var text = File.ReadAllText(path);
        Assert.Contains(good, text, StringComparison.Ordinal);
        var line = text[..text.IndexOf(good, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        File.WriteAllText(path, ReplaceFirst(text, good, bad));
        var manifest = _plugins.Combine("broken", "plugin.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"id\": \"stripe\"", "\"id\": \"broken\"", StringComparison.Ordinal));

        var catalog = new PluginLoader(NullLogger<PluginLoader>.Instance).LoadAll(_plugins.Path);

        Assert.Equal("stripe", Assert.Single(catalog.Plugins).Id);
        var refusal = Assert.Single(catalog.Refusals);
        Assert.Contains("broken/connector.yaml line ", refusal.Reason, StringComparison.Ordinal);
        Assert.Contains(problem, refusal.Reason, StringComparison.Ordinal);
        var reported = int.Parse(refusal.Reason.Split("connector.yaml line ")[1].Split(',')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(reported, line, line + 1);
    }

    private static string ReplaceFirst(string text, string from, string to)
    {
        var at = text.IndexOf(from, StringComparison.Ordinal);
        return string.Concat(text.AsSpan(0, at), to, text.AsSpan(at + from.Length));
    }
}
