using System.Text.Json.Nodes;
using ConnectorHub.Core.Connections;
using ConnectorHub.Core.Hosting;
using ConnectorHub.Core.Syncs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ConnectorHub.Benchmarks.Engine;

/// <summary>
/// The engine in this process, on a temporary SQLite store or a PostgreSQL database, with the benchmark plugins, and a
/// generator → discard sync with a mapping.
/// </summary>
internal sealed class BenchHub : IAsyncDisposable
{
    public const string Mapping = """
        entity: profile_fragment
        fields:
          source: { const: generator }
          record_key: id
          observed_at: { from: properties.lastmodifieddate, type: date-time }
          identifiers[]:
            - type: { const: email }
              value: { from: properties.email, normalize: email }
            - type: { const: generator.contact_id }
              value: id
          traits.first_name: { from: properties.firstname, normalize: name }
          traits.last_name: { from: properties.lastname, normalize: name }
          traits.phone: { from: properties.phone, normalize: [{ phone: US }] }
          traits.company: properties.company
          traits.address.country: { from: properties.country, normalize: country }
        """;

    private readonly IHost _host;
    private readonly string _folder;

    private BenchHub(IHost host, string folder, Guid syncId)
    {
        _host = host;
        _folder = folder;
        SyncId = syncId;
    }

    public IServiceProvider Services => _host.Services;

    public Guid SyncId { get; }

    public static string PluginsDirectory => Path.Combine(RepoRoot(), "artifacts", "bench-plugins");

    public static async Task<BenchHub> StartAsync(int records, string? postgres)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"connectorhub-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = folder, DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectorHub:Storage:Provider"] = postgres is null ? "Sqlite" : "Postgres",
            ["ConnectorHub:Storage:ConnectionString"] = postgres ?? $"Data Source={Path.Combine(folder, "hub.db")}",
            ["ConnectorHub:Plugins:Directory"] = PluginsDirectory,
        });
        builder.Services.AddConnectorHub(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync();

        var connections = host.Services.GetRequiredService<ConnectionService>();
        var source = await connections.CreateAsync(new ConnectionRequest("generator", "generator", new JsonObject { ["count"] = records, ["state_every"] = 1000 }), CancellationToken.None);
        var target = await connections.CreateAsync(new ConnectionRequest("discard", "discard", []), CancellationToken.None);
        var sync = await host.Services.GetRequiredService<SyncService>().CreateAsync(new SyncRequest
        {
            Name = "bench",
            SourceConnectionId = source.Id,
            DestinationConnectionId = target.Id,
            Streams = [new SyncStream { Name = "contacts", Mapping = Mapping }],
        }, CancellationToken.None);
        return new BenchHub(host, folder, sync.Id);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ConnectorHub.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmark from inside the repository.");
    }
}
