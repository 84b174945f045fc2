using ConnectorHub.Core.Plugins;
using ConnectorHub.Sdk.Specs;
using ConnectorHub.Templates.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConnectorHub.Templates.Tests;

/// <summary>
/// What every template must give its author: a connector that builds with no warning, passes the acceptance kit,
/// loads in the hub, and is the code the connector guide shows.
/// </summary>
public abstract class TemplateTests
{
    /// <summary>The template, created, built and tested.</summary>
    protected abstract Task<GeneratedConnector> ConnectorAsync();

    /// <summary>The kit's acceptance test class the generated tests subclass (open generic).</summary>
    protected abstract Type KitTests { get; }

    /// <summary>The generated subclass's full name.</summary>
    protected abstract string AcceptanceClass { get; }

    /// <summary>The checks the generated fixture skips, each with a word of the reason it must state.</summary>
    protected abstract IReadOnlyDictionary<string, string> ExpectedSkips { get; }

    protected abstract PluginKind Kind { get; }

    protected abstract string EntryType { get; }

    /// <summary>The config fields the generated spec marks secret.</summary>
    protected virtual IReadOnlyList<string> ExpectedSecrets { get; } = ["api_key"];

    [Fact]
    public async Task New_CreatesAConnectorThatBuilds_WithNoWarning()
    {
        var connector = await BuiltAsync();

        Assert.DoesNotContain(": warning ", connector.Build!.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(connector.PluginFolder, "plugin.json")), $"The build did not copy the plugin into {connector.PluginFolder}.");
    }

    [Fact]
    public async Task GeneratedTests_PassTheAcceptanceKit_SkippingOnlyWhatCannotApply()
    {
        var connector = await BuiltAsync();
        Assert.True(connector.Test!.Succeeded, connector.Test.Describe());

        var outcomes = TrxReport.Read(connector.TestResults);
        var failed = outcomes.Where(o => o.Outcome == "Failed").ToArray();
        Assert.True(failed.Length == 0, $"Failed: {string.Join(", ", failed.Select(f => f.Method))}");
        var kit = outcomes.Where(o => o.ClassName == AcceptanceClass).ToDictionary(o => o.Method);
        foreach (var check in TrxReport.KitChecks(KitTests))
        {
            Assert.True(kit.TryGetValue(check, out var outcome), $"The kit's check {check} did not run in {AcceptanceClass}.");
            if (ExpectedSkips.TryGetValue(check, out var reason))
            {
                Assert.Equal("NotExecuted", outcome.Outcome);
                Assert.Contains(reason, outcome.Message, StringComparison.Ordinal);
            }
            else
            {
                Assert.True(outcome.Outcome == "Passed", $"{check}: {outcome.Outcome} {outcome.Message}");
            }
        }

        var own = outcomes.Where(o => o.ClassName != AcceptanceClass).ToArray();
        Assert.NotEmpty(own);
        Assert.All(own, o => Assert.Equal("Passed", o.Outcome));
    }

    [Fact]
    public async Task BuiltPlugin_IsAcceptedByTheHubsPluginLoader()
    {
        var connector = await BuiltAsync();
        Assert.False(File.Exists(Path.Combine(connector.PluginFolder, "ConnectorHub.Sdk.dll")), "The plugin folder holds a copy of the SDK; the hub would refuse it.");

        var catalog = new PluginLoader(NullLogger<PluginLoader>.Instance).LoadAll(Path.GetDirectoryName(connector.PluginFolder)!);
        try
        {
            Assert.True(catalog.Refusals.Count == 0, string.Join("\n", catalog.Refusals.Select(r => r.Reason)));
            var plugin = Assert.Single(catalog.Plugins);
            Assert.Equal(connector.PluginId, plugin.Id);
            Assert.Equal(Kind, plugin.Manifest.Kind);
            Assert.Equal(EntryType, plugin.Connector.GetType().FullName);
            Assert.Equal(ExpectedSecrets, ConfigSecrets.SecretFields(plugin.Spec));
            await UsableThroughTheHubAsync(plugin);
        }
        finally
        {
            foreach (var plugin in catalog.Plugins)
            {
                plugin.Unload();
            }
        }
    }

    [Fact]
    public async Task ConnectorGuideSamples_AreTheGeneratedCode()
    {
        var connector = await GeneratedAsync();
        var samples = DocSamples.Of(connector.Template);

        Assert.NotEmpty(samples);
        foreach (var sample in samples)
        {
            var file = connector.PathOf(sample.File);
            Assert.True(File.Exists(file), $"{DocSamples.GuidePath}:{sample.Line} quotes {sample.File}, which {connector.Template} does not generate.");
            Assert.True(DocSamples.IsExcerptOf(sample, await File.ReadAllTextAsync(file)), $"{DocSamples.GuidePath}:{sample.Line}: the sample is not the code of {sample.File} any more; copy it again from a generated {connector.Name}.");
        }
    }

    /// <summary>Calls the loaded plugin through the SDK's contract, as the hub would.</summary>
    protected abstract Task UsableThroughTheHubAsync(LoadedPlugin plugin);

    /// <summary>The connector, created with <c>dotnet new</c>.</summary>
    protected async Task<GeneratedConnector> GeneratedAsync()
    {
        var connector = await ConnectorAsync();
        Assert.True(connector.New!.Succeeded, connector.New.Describe());
        return connector;
    }

    /// <summary>The connector, created and built.</summary>
    protected async Task<GeneratedConnector> BuiltAsync()
    {
        var connector = await GeneratedAsync();
        Assert.True(connector.Build!.Succeeded, connector.Build.Describe());
        return connector;
    }
}
