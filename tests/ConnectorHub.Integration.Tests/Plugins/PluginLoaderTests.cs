using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using ConnectorHub.Core.Plugins;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Sources;
using ConnectorHub.TestSupport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConnectorHub.Integration.Tests.Plugins;

public sealed class PluginLoaderTests : IDisposable
{
    private readonly BrokenPluginFolder _plugins = new();
    private readonly PluginLoader _loader = new(NullLogger<PluginLoader>.Instance);

    public void Dispose() => _plugins.Dispose();

    [Fact]
    public void LoadAll_LoadsAPluginFromDisk_IntoItsOwnCollectibleContext()
    {
        _plugins.AddEcho("echo");

        var catalog = _loader.LoadAll(_plugins.Path);

        var plugin = Assert.Single(catalog.Plugins);
        Assert.Empty(catalog.Refusals);
        Assert.Equal("echo", plugin.Id);
        var context = AssemblyLoadContext.GetLoadContext(plugin.Connector.GetType().Assembly);
        Assert.NotSame(AssemblyLoadContext.Default, context);
        Assert.True(context!.IsCollectible);
    }

    [Fact]
    public void LoadAll_LoadsTheRepositorysFileAndWebhookPlugins_FromTheBuildOutput()
    {
        var catalog = _loader.LoadAll(RepoPaths.Plugins);

        Assert.Empty(catalog.Refusals);
        Assert.IsAssignableFrom<ISourceConnector>(catalog.Get("file").Connector);
        Assert.IsAssignableFrom<Sdk.Destinations.IDestinationConnector>(catalog.Get("webhook").Connector);
        Assert.All(catalog.Plugins, p => Assert.False(File.Exists(Path.Combine(p.Directory, "ConnectorHub.Sdk.dll")), $"{p.Id} ships the SDK"));
    }

    [Fact]
    public void LoadedPlugin_SharesTheHostsContractTypes_SoCastsWork()
    {
        _plugins.AddEcho("echo");

        var plugin = Assert.Single(_loader.LoadAll(_plugins.Path).Plugins);

        Assert.True(plugin.Connector is ISourceConnector);
        Assert.Same(typeof(ISourceConnector).Assembly, plugin.Connector.GetType().GetInterfaces().Single(i => i.Name == nameof(ISourceConnector)).Assembly);
        Assert.Equal("object", plugin.Spec.ConfigSchema["type"]!.GetValue<string>());
    }

    [Fact]
    public void LoadedPlugin_GetsTheHostsMicrosoftExtensionsAbstractions_EvenWhenItShipsItsOwnCopy()
    {
        _plugins.AddEcho("echo");
        _plugins.CopyIn("echo", typeof(ILogger).Assembly.Location);

        var plugin = Assert.Single(_loader.LoadAll(_plugins.Path).Plugins);

        Assert.Same(typeof(ILogger).Assembly, plugin.LoadContext!.LoadFromAssemblyName(typeof(ILogger).Assembly.GetName()));
    }

    [Fact]
    public async Task LoadedPlugin_ReadsRecords_ThroughTheSdkContract()
    {
        _plugins.AddEcho("echo");
        var plugin = Assert.Single(_loader.LoadAll(_plugins.Path).Plugins);
        var context = new ConnectorContext { Config = new ConnectorConfig(new() { ["count"] = 2 }) };

        var messages = new List<SourceMessage>();
        await foreach (var message in plugin.Source.ReadAsync(context, new ReadRequest { Streams = [new ConfiguredStream { Name = "numbers" }] }, CancellationToken.None))
        {
            messages.Add(message);
        }

        Assert.Equal(2, messages.OfType<RecordMessage>().Count());
        Assert.Equal(2, messages.OfType<StateMessage>().Count());
    }

    [Fact]
    public void LoadAll_RefusesAPluginBuiltForAnotherSdkMajor_AndKeepsTheOthers()
    {
        _plugins.AddEcho("good");
        _plugins.AddEcho("future", id: "future");
        _plugins.EditManifest("future", m => m["sdkVersion"] = "3.0.0");

        var refusal = AssertRefused("future");

        Assert.Contains("SDK 3.0.0", refusal.Reason, StringComparison.Ordinal);
        Assert.Contains("supports SDK 1.x to 2.x", refusal.Reason, StringComparison.Ordinal);
        Assert.Contains("Rebuild the plugin against ConnectorHub.Sdk 2.x", refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadAll_RefusesAPluginOlderThanSdk1_SayingHowToUpgrade()
    {
        _plugins.AddEcho("good");
        _plugins.AddEcho("ancient", id: "ancient");
        _plugins.EditManifest("ancient", m => m["sdkVersion"] = "0.9.0");

        var refusal = AssertRefused("ancient");

        Assert.Contains("SDK 0.9.0", refusal.Reason, StringComparison.Ordinal);
        Assert.Contains("Upgrade the plugin: reference ConnectorHub.Sdk 2.x, set sdkVersion to 2.0.0", refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadAll_RefusesAMissingEntryType_NamingTheSettingToFix()
    {
        _plugins.AddEcho("good");
        _plugins.AddEcho("missing", id: "missing");
        _plugins.EditManifest("missing", m => m["entryType"] = "ConnectorHub.TestPlugins.Echo.DoesNotExist");

        var refusal = AssertRefused("missing");

        Assert.Contains("'ConnectorHub.TestPlugins.Echo.DoesNotExist' is not in", refusal.Reason, StringComparison.Ordinal);
        Assert.Contains("Set 'entryType' in plugin.json", refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadAll_RefusesAnEntryTypeThatIsNotAConnector()
    {
        _plugins.AddEcho("good");
        _plugins.AddEcho("wrong", id: "wrong");
        _plugins.EditManifest("wrong", m => m["entryType"] = "ConnectorHub.TestPlugins.Echo.NotAConnector");

        var refusal = AssertRefused("wrong");

        Assert.Contains("does not implement ConnectorHub.Sdk.Sources.ISourceConnector", refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadAll_RefusesAKindThatContradictsTheEntryType()
    {
        _plugins.AddEcho("good");
        _plugins.AddEcho("kind", id: "kind");
        _plugins.EditManifest("kind", m => m["kind"] = "destination");

        var refusal = AssertRefused("kind");

        Assert.Contains("implements ISourceConnector. Fix 'kind' in plugin.json", refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadAll_RefusesAPluginShippingItsOwnCopyOfTheSdk()
    {
        _plugins.AddEcho("good");
        _plugins.AddEcho("copy", id: "copy");
        _plugins.CopyIn("copy", typeof(ISourceConnector).Assembly.Location);

        var refusal = AssertRefused("copy");

        Assert.Contains("contains its own copy of ConnectorHub.Sdk.dll", refusal.Reason, StringComparison.Ordinal);
        Assert.Contains("Private=\"false\"", refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadAll_RefusesACorruptAssembly()
    {
        _plugins.AddEcho("good");
        _plugins.AddEcho("corrupt", id: "corrupt");
        _plugins.WriteBytes("corrupt", "ConnectorHub.TestPlugins.Echo.dll", [0x4D, 0x5A, 0x00, 0x13, 0x37, 0xFF, 0x00, 0x01]);

        var refusal = AssertRefused("corrupt");

        Assert.Contains("is not a valid .NET assembly", refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadAll_RefusesAMissingAssemblyFile()
    {
        _plugins.AddEcho("good");
        _plugins.AddEcho("absent", id: "absent");
        _plugins.EditManifest("absent", m => m["assembly"] = "Absent.dll");

        var refusal = AssertRefused("absent");

        Assert.Contains("the assembly 'Absent.dll' named in plugin.json is not in the folder", refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadAll_RefusesAMalformedManifest_WithThePositionOfTheError()
    {
        _plugins.AddEcho("good");
        _plugins.AddEcho("malformed");
        _plugins.WriteFile("malformed", "plugin.json", "{ \"id\": \"malformed\", \"name\": ");

        var catalog = _loader.LoadAll(_plugins.Path);

        var refusal = Assert.Single(catalog.Refusals);
        Assert.Contains("plugin.json is malformed", refusal.Reason, StringComparison.Ordinal);
        Assert.Contains("LineNumber", refusal.Reason, StringComparison.Ordinal);
        Assert.Equal("echo", Assert.Single(catalog.Plugins).Id);
    }

    [Fact]
    public void LoadAll_RefusesAManifestMissingARequiredField()
    {
        _plugins.AddEcho("good");
        _plugins.AddEcho("incomplete");
        _plugins.WriteFile("incomplete", "plugin.json", "{ \"id\": \"incomplete\", \"name\": \"x\", \"version\": \"1.0.0\", \"kind\": \"source\" }");

        var refusal = Assert.Single(_loader.LoadAll(_plugins.Path).Refusals);

        Assert.Contains("missing required properties", refusal.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void LoadAll_RefusesTwoPluginsWithOneId_NamingBothFolders()
    {
        _plugins.AddEcho("a-first", id: "twin");
        _plugins.AddEcho("b-second", id: "twin");
        _plugins.AddEcho("good");

        var catalog = _loader.LoadAll(_plugins.Path);

        Assert.Equal("echo", Assert.Single(catalog.Plugins).Id);
        Assert.Equal(2, catalog.Refusals.Count);
        Assert.All(catalog.Refusals, r =>
        {
            Assert.Contains("a-first", r.Reason, StringComparison.Ordinal);
            Assert.Contains("b-second", r.Reason, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task UnloadedPlugin_IsCollected_WhenNothingReferencesIt()
    {
        _plugins.AddEcho("echo");
        var weak = LoadAndUnload(_loader, _plugins.Path);

        await Eventually.HoldsAsync(() =>
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            return !weak.IsAlive;
        }, TimeSpan.FromSeconds(10), "the unloaded plugin's load context is collected");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference LoadAndUnload(PluginLoader loader, string directory)
    {
        var plugin = Assert.Single(loader.LoadAll(directory).Plugins);
        var weak = new WeakReference(plugin.LoadContext);
        plugin.Unload();
        return weak;
    }

    private PluginRefusal AssertRefused(string folder)
    {
        var catalog = _loader.LoadAll(_plugins.Path);
        Assert.Equal("echo", Assert.Single(catalog.Plugins).Id);
        var refusal = Assert.Single(catalog.Refusals);
        Assert.EndsWith(folder, refusal.Directory, StringComparison.Ordinal);
        Assert.Contains($"Plugin '{folder}'", refusal.Reason, StringComparison.Ordinal);
        return refusal;
    }
}
