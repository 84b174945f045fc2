using ConnectorHub.TestSupport;

namespace ConnectorHub.Templates.Tests.Support;

/// <summary>
/// Installs the repository's templates into a private template hive (the user's own templates are untouched), and
/// creates, builds and tests each template at most once, when a test first asks for it.
/// </summary>
public sealed class TemplateRuns : IAsyncLifetime
{
    private readonly TempDirectory _root = new("connectorhub-templates");
    private readonly Lazy<Task<GeneratedConnector>> _source;
    private readonly Lazy<Task<GeneratedConnector>> _destination;
    private readonly Lazy<Task<GeneratedConnector>> _manifest;
    private CommandResult? _install;

    public TemplateRuns()
    {
        _source = new(() => CreateAsync("connectorhub-source", "Acme", pluginId: null));
        _destination = new(() => CreateAsync("connectorhub-destination", "Acme", pluginId: "acme-crm"));
        _manifest = new(() => CreateAsync("connectorhub-manifest", "Acme", pluginId: "acme-manifest"));
    }

    /// <summary>The source template, created with its default plugin id.</summary>
    public Task<GeneratedConnector> Source => _source.Value;

    /// <summary>The destination template, created with <c>--plugin-id acme-crm</c>.</summary>
    public Task<GeneratedConnector> Destination => _destination.Value;

    /// <summary>The manifest-only template, created with <c>--plugin-id acme-manifest</c>.</summary>
    public Task<GeneratedConnector> Manifest => _manifest.Value;

    private string Hive => _root.Combine("hive");

    public async Task InitializeAsync() =>
        _install = await DotnetCommand.RunAsync(
            _root.Path,
            ["new", "install", Path.Combine(RepoPaths.Root, "templates"), "--debug:custom-hive", Hive],
            TimeSpan.FromMinutes(2));

    public Task DisposeAsync()
    {
        _root.Dispose();
        return Task.CompletedTask;
    }

    private async Task<GeneratedConnector> CreateAsync(string template, string name, string? pluginId)
    {
        if (_install is not { Succeeded: true })
        {
            throw new InvalidOperationException($"Installing the templates failed: {_install?.Describe()}");
        }

        return await GeneratedConnector.CreateAsync(Hive, _root.Combine(template), template, name, pluginId);
    }
}

/// <summary>The template tests share one hive and run one at a time: each builds a connector on the machine's few cores.</summary>
[CollectionDefinition(Name)]
public sealed class TemplatesCollection : ICollectionFixture<TemplateRuns>
{
    public const string Name = "Templates";
}
