using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using ConnectorHub.Core.Plugins;
using ConnectorHub.Core.Plugins.HotReload;
using ConnectorHub.Core.Runs;
using ConnectorHub.Core.Storage;
using ConnectorHub.Integration.Tests.Support;
using ConnectorHub.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectorHub.Integration.Tests.Plugins;

/// <summary>
/// A running hub picks up what an admin drops into its plugins directory: new plugins, new versions (two builds of
/// the echo test plugin), broken or half-copied versions, duplicates and removals.
/// </summary>
public sealed class HotReloadTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly PluginDirectory _plugins = new();

    public void Dispose() => _plugins.Dispose();

    [Theory]
    [ClassData(typeof(Stores))]
    public async Task NewVersion_ServesNewRuns_WhileARunInFlightFinishesOnTheOldOne_ThenTheOldOneUnloads(StorageProvider provider)
    {
        _plugins.Install(PluginDirectory.EchoV1, "echo");
        _plugins.Install(PluginDirectory.Folder, "folder");
        await using var hub = await StartAsync(provider);
        var resume = Path.Combine(hub.Scratch("gate"), "resume");
        var (inFlight, inFlightTarget) = await hub.CreateEchoToFolderSyncAsync(
            new JsonObject { ["count"] = 8, ["emit_version"] = true, ["pause_at"] = 5, ["resume_file"] = resume }, name: "in-flight");
        var (later, laterTarget) = await hub.CreateEchoToFolderSyncAsync(new JsonObject { ["count"] = 3, ["emit_version"] = true }, name: "later");
        var oldContext = LoadContextOf(Catalog(hub), "echo");

        var running = Task.Run(() => hub.Runner.RunAsync(inFlight.Id, RunTrigger.Manual));
        await Eventually.HoldsAsync(() => File.Exists(resume + ".waiting"), Timeout, "the first run is paused in the middle of its read");
        _plugins.Install(PluginDirectory.EchoV2, "echo");
        await Eventually.HoldsAsync(() => Catalog(hub).Find("echo")?.Version == "2.0.0", Timeout, "version 2.0.0 serves");
        var laterRun = await hub.Runner.RunAsync(later.Id, RunTrigger.Manual);
        await File.WriteAllTextAsync(resume, "go");
        var inFlightRun = await running.WaitAsync(Timeout);

        Assert.Equal((RunStatus.Succeeded, RunStatus.Succeeded), (inFlightRun.Status, laterRun.Status));
        Assert.Equal(Enumerable.Range(1, 8), FolderTarget.Numbers(inFlightTarget));
        Assert.All(FolderTarget.Records(inFlightTarget), r => Assert.Equal("1.0.0", r["plugin_version"]!.GetValue<string>()));
        Assert.Equal(3, FolderTarget.Records(laterTarget).Count);
        Assert.All(FolderTarget.Records(laterTarget), r => Assert.Equal("2.0.0", r["plugin_version"]!.GetValue<string>()));
        Assert.Empty(Catalog(hub).Refusals);

        var retired = hub.Services.GetRequiredService<RetiredPlugins>();
        await Eventually.HoldsAsync(() =>
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            retired.UnloadUnused();
            return !oldContext.IsAlive;
        }, Timeout, "version 1.0.0's load context is unloaded and collected once its last run ended");
        Assert.Equal(0, retired.Count);
    }

    [Fact]
    public async Task HalfCopiedVersion_IsRefused_WhileTheOldOneKeepsServing_AndLoadsOnceTheCopyIsWhole()
    {
        var echo = _plugins.Install(PluginDirectory.EchoV1, "echo");
        await using var hub = await StartAsync(StorageProvider.Sqlite);
        var served = Catalog(hub).Get("echo");

        // Version 2's assembly arrived only half, then its manifest.
        var assembly = await File.ReadAllBytesAsync(Path.Combine(PluginDirectory.EchoV2, "ConnectorHub.TestPlugins.Echo.dll"));
        await File.WriteAllBytesAsync(Path.Combine(echo, "ConnectorHub.TestPlugins.Echo.dll"), assembly[..(assembly.Length / 2)]);
        File.Copy(Path.Combine(PluginDirectory.EchoV2, "plugin.json"), Path.Combine(echo, "plugin.json"), overwrite: true);
        await Eventually.HoldsAsync(() => Catalog(hub).Refusals.Count > 0, Timeout, "the half-copied version is refused");

        var refusal = Assert.Single(Catalog(hub).Refusals);
        Assert.Equal(echo, refusal.Directory);
        Assert.Contains("is not a valid .NET assembly", refusal.Reason, StringComparison.Ordinal);
        Assert.Contains("Version 1.0.0 keeps serving until this is fixed", refusal.Reason, StringComparison.Ordinal);
        Assert.Same(served, Catalog(hub).Get("echo"));

        _plugins.Install(PluginDirectory.EchoV2, "echo");
        await Eventually.HoldsAsync(() => Catalog(hub).Find("echo")?.Version == "2.0.0", Timeout, "the whole copy of version 2.0.0 serves");
        Assert.Empty(Catalog(hub).Refusals);
    }

    [Fact]
    public async Task NewVersionBuiltForAnotherSdk_IsRefused_WithItsMessage_AndTheOldOneKeepsServing()
    {
        _plugins.Install(PluginDirectory.EchoV1, "echo");
        await using var hub = await StartAsync(StorageProvider.Sqlite);
        using var staging = new PluginDirectory();
        var built = staging.Install(PluginDirectory.EchoV2, "echo");
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(built, "plugin.json")))!;
        manifest["sdkVersion"] = "3.0.0";
        await File.WriteAllTextAsync(Path.Combine(built, "plugin.json"), manifest.ToJsonString());

        _plugins.Install(built, "echo");
        await Eventually.HoldsAsync(() => Catalog(hub).Refusals.Count > 0, Timeout, "the new version is refused");

        var refusal = Assert.Single(Catalog(hub).Refusals);
        Assert.Contains("Rebuild the plugin against ConnectorHub.Sdk 2.x", refusal.Reason, StringComparison.Ordinal);
        Assert.Equal("1.0.0", Catalog(hub).Get("echo").Version);
    }

    [Fact]
    public async Task NewPluginFolder_IsLoaded_AndARemovedOne_ServesNoMore_WithoutARestart()
    {
        _plugins.Install(PluginDirectory.Folder, "folder");
        await using var hub = await StartAsync(StorageProvider.Sqlite);
        Assert.Null(Catalog(hub).Find("echo"));

        var echo = _plugins.Install(PluginDirectory.EchoV1, "echo");
        await Eventually.HoldsAsync(() => Catalog(hub).Find("echo") is not null, Timeout, "the new plugin is loaded");
        Directory.Delete(echo, recursive: true);
        await Eventually.HoldsAsync(() => Catalog(hub).Find("echo") is null, Timeout, "the removed plugin serves no more");

        Assert.Equal(["folder"], Catalog(hub).Plugins.Select(p => p.Id));
        Assert.Empty(Catalog(hub).Refusals);
    }

    [Fact]
    public async Task SecondFolderWithTheSameId_IsRefused_WhileTheFirstServes_AndTakesOverWhenTheFirstIsRemoved()
    {
        var first = _plugins.Install(PluginDirectory.EchoV1, "echo");
        await using var hub = await StartAsync(StorageProvider.Sqlite);

        var second = _plugins.Install(PluginDirectory.EchoV2, "echo-2");
        await Eventually.HoldsAsync(() => Catalog(hub).Refusals.Count > 0, Timeout, "the second folder is refused");
        var refusal = Assert.Single(Catalog(hub).Refusals);
        Assert.Equal(second, refusal.Directory);
        Assert.Contains($"so '{second}' was not loaded ('{first}' keeps serving version 1.0.0)", refusal.Reason, StringComparison.Ordinal);
        Assert.Equal("1.0.0", Catalog(hub).Get("echo").Version);

        Directory.Delete(first, recursive: true);
        await Eventually.HoldsAsync(() => Catalog(hub).Find("echo")?.Version == "2.0.0", Timeout, "the second folder takes over");
        Assert.Equal(second, Catalog(hub).Get("echo").Directory);
        Assert.Empty(Catalog(hub).Refusals);
    }

    [Fact]
    public async Task Reload_KeepsTheLoadedInstance_OfAFolderThatDidNotChange()
    {
        _plugins.Install(PluginDirectory.EchoV1, "echo");
        _plugins.Install(PluginDirectory.Folder, "folder");
        await using var hub = await StartAsync(StorageProvider.Sqlite, hotReload: false);
        var before = Catalog(hub).Plugins;

        _plugins.Install(PluginDirectory.EchoV2, "echo");
        Assert.True(hub.Services.GetRequiredService<PluginReloader>().Reload());

        var after = Catalog(hub).Plugins;
        Assert.Same(before.Single(p => p.Id == "folder"), after.Single(p => p.Id == "folder"));
        Assert.Equal(("1.0.0", "2.0.0"), (before.Single(p => p.Id == "echo").Version, after.Single(p => p.Id == "echo").Version));
    }

    private Task<TestHub> StartAsync(StorageProvider provider, bool hotReload = true) =>
        TestHub.StartAsync(provider, new Dictionary<string, string?>
        {
            ["ConnectorHub:Plugins:Directory"] = _plugins.Path,
            ["ConnectorHub:Plugins:HotReload"] = hotReload.ToString(),
            ["ConnectorHub:Plugins:ReloadQuietPeriod"] = "00:00:00.100",
        });

    private static PluginCatalog Catalog(TestHub hub) => hub.Services.GetRequiredService<PluginCatalog>();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference LoadContextOf(PluginCatalog catalog, string id) => new(catalog.Get(id).LoadContext);
}
