using System.Text.Json.Nodes;
using ConnectorHub.Core.Connections;
using ConnectorHub.Core.Hosting;
using ConnectorHub.Core.Runner;
using ConnectorHub.Core.Runs;
using ConnectorHub.Core.Scheduling;
using ConnectorHub.Core.Storage;
using ConnectorHub.Core.Syncs;
using ConnectorHub.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ConnectorHub.Integration.Tests.Support;

/// <summary>The engine in a started generic host on a fresh SQLite or PostgreSQL database, with the test plugins.</summary>
public sealed class TestHub : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly TempDirectory _folder;

    private TestHub(IHost host, TempDirectory folder, StorageProvider provider, string connectionString)
    {
        _host = host;
        _folder = folder;
        Provider = provider;
        ConnectionString = connectionString;
    }

    public StorageProvider Provider { get; }

    /// <summary>The database's connection string, for other hub processes on the same store.</summary>
    public string ConnectionString { get; }

    public IServiceProvider Services => _host.Services;

    public ConnectionService Connections => Services.GetRequiredService<ConnectionService>();

    public SyncService Syncs => Services.GetRequiredService<SyncService>();

    public SyncRunner Runner => Services.GetRequiredService<SyncRunner>();

    public RunService Runs => Services.GetRequiredService<RunService>();

    /// <summary>A scratch folder that lives as long as the hub.</summary>
    public string Scratch(string name)
    {
        var path = _folder.Combine(name);
        Directory.CreateDirectory(path);
        return path;
    }

    public static async Task<TestHub> StartAsync(StorageProvider provider, IReadOnlyDictionary<string, string?>? settings = null, bool withScheduler = false)
    {
        var folder = new TempDirectory("testhub");
        var connectionString = provider == StorageProvider.Postgres
            ? await (await PostgresServer.GetAsync()).CreateDatabaseAsync("hub")
            : $"Data Source={folder.Combine("hub.db")}";
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = folder.Path, EnvironmentName = "Test", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectorHub:Storage:Provider"] = provider.ToString(),
            ["ConnectorHub:Storage:ConnectionString"] = connectionString,
            ["ConnectorHub:Plugins:Directory"] = RepoPaths.TestPlugins,
            ["ConnectorHub:Runner:BatchSize"] = "10",
            ["ConnectorHub:Runner:HeartbeatInterval"] = "00:00:00.200",
            ["ConnectorHub:Runner:ResumeDelay"] = "00:00:00.010",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        var hub = builder.Services.AddConnectorHub(builder.Configuration);
        if (withScheduler)
        {
            hub.AddScheduling();
        }

        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            folder.Dispose();
            throw;
        }

        return new TestHub(host, folder, provider, connectionString);
    }

    /// <summary>Creates an echo source → folder destination sync and returns it with the destination folder.</summary>
    public async Task<(SyncView Sync, string Target)> CreateEchoToFolderSyncAsync(
        JsonObject echoConfig, JsonObject? folderConfig = null, string name = "numbers", string? scheduleCron = null, Sdk.Sources.SyncMode syncMode = Sdk.Sources.SyncMode.Incremental)
    {
        var target = Scratch($"target-{name}");
        var destinationConfig = folderConfig ?? [];
        destinationConfig["path"] = target;
        var source = await Connections.CreateAsync(new ConnectionRequest($"echo {name}", "echo", echoConfig), CancellationToken.None);
        var destination = await Connections.CreateAsync(new ConnectionRequest($"folder {name}", "folder", destinationConfig), CancellationToken.None);
        var sync = await Syncs.CreateAsync(new SyncRequest
        {
            Name = name,
            SourceConnectionId = source.Id,
            DestinationConnectionId = destination.Id,
            Streams = [new SyncStream { Name = "numbers", SyncMode = syncMode }],
            ScheduleCron = scheduleCron,
        }, CancellationToken.None);
        return (sync, target);
    }

    /// <summary>Creates a sync from the canonical test source, emitting <paramref name="records"/>, into the hub's own store.</summary>
    public async Task<SyncView> CreateCanonicalSyncAsync(JsonArray records, string name = "people")
    {
        var source = await Connections.CreateAsync(new ConnectionRequest($"canonical {name}", "canonical", new JsonObject { ["records"] = records }), CancellationToken.None);
        return await Syncs.CreateAsync(new SyncRequest
        {
            Name = name,
            SourceConnectionId = source.Id,
            Streams = [new SyncStream { Name = "people", SyncMode = Sdk.Sources.SyncMode.Incremental }],
        }, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
