using System.Security.Cryptography;
using ConnectorHub.Core.Access;
using ConnectorHub.Core.Connections;
using ConnectorHub.Core.Runner;
using ConnectorHub.Core.Runs;
using ConnectorHub.Core.Syncs;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Host.Demo;

/// <summary>
/// Sets up the demo workspace, step by step, each step idempotent so a restart finds what the first start made:
/// the <c>demo</c> admin, a connection per emulator, syncs into the hub (identity resolution) with schedules, a
/// segment activated to Meta Custom Audiences and Mailchimp, and one first run of each new sync so profiles appear
/// within a minute.
/// </summary>
internal sealed class DemoWorkspace(IServiceScopeFactory scopes, ILogger<DemoWorkspace> logger)
{
    /// <summary>Hourly, on the hour: the demo syncs' schedule.</summary>
    public const string Schedule = "0 0 * * * ?";

    /// <summary>The steps, in order; the audience steps come before the first runs so the first refresh finds them.</summary>
    public IReadOnlyList<DemoStep> Steps { get; } =
    [
        new("demo user", EnsureUserAsync),
        new("connections", EnsureConnectionsAsync),
        new("syncs into the hub", EnsureSyncsAsync),
        new("segment", DemoAudiences.EnsureSegmentAsync),
        new("activations", DemoAudiences.EnsureActivationsAsync),
        new("first runs", RunNewSyncsAsync),
    ];

    /// <summary>The syncs into the hub: name, source connection and the streams it reads.</summary>
    public static readonly IReadOnlyList<(string Name, string Source, string[] Streams)> HubSyncs =
    [
        ("Demo HubSpot to hub", DemoConnections.HubSpot, ["contacts", "companies"]),
        ("Demo Square to hub", DemoConnections.Square, ["customers", "orders"]),
        ("Demo Meta Ads to hub", DemoConnections.MetaAds, ["insights_daily"]),
    ];

    /// <summary>Runs every step; a failing step is logged with its reason and the steps after it still run.</summary>
    public async Task<DemoState> SetUpAsync(DemoEmulators emulators, CancellationToken cancellationToken)
    {
        var state = new DemoState(emulators);
        foreach (var step in Steps)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await step.RunAsync(state, scope.ServiceProvider, cancellationToken);
                logger.LogInformation("Demo: {Step} ready.", step.Name);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Demo: setting up the {Step} failed; the demo continues without it. Delete the data folder to start the demo afresh.", step.Name);
            }
        }

        return state;
    }

    private static async Task EnsureUserAsync(DemoState state, IServiceProvider services, CancellationToken cancellationToken)
    {
        var users = services.GetRequiredService<UserService>();
        var password = RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 16);
        var existing = (await users.ListAsync(cancellationToken)).FirstOrDefault(u => u.UserName == DemoOptions.UserName);
        if (existing is not null)
        {
            // The password is never stored in clear: a restart gives the demo user a new one to print.
            await users.SetPasswordAsync(existing.Id, password, cancellationToken);
        }
        else if (await users.SetUpAsync(DemoOptions.UserName, password, cancellationToken) is null)
        {
            await users.CreateAsync(new UserRequest(DemoOptions.UserName, password, HubRole.Admin), cancellationToken);
        }

        state.Password = password;
    }

    private static async Task EnsureConnectionsAsync(DemoState state, IServiceProvider services, CancellationToken cancellationToken)
    {
        var connections = services.GetRequiredService<ConnectionService>();
        var existing = (await connections.ListAsync(cancellationToken)).ToDictionary(c => c.Name, StringComparer.Ordinal);
        foreach (var (name, pluginId, config) in DemoConnections.All(state.Emulators))
        {
            // The emulators get new ports at every start: an existing connection is pointed at them again.
            var request = new ConnectionRequest(name, pluginId, config);
            var saved = existing.TryGetValue(name, out var found)
                ? await connections.UpdateAsync(found.Id, request, cancellationToken)
                : await connections.CreateAsync(request, cancellationToken);
            state.Connections[name] = saved.Id;
        }
    }

    private static async Task EnsureSyncsAsync(DemoState state, IServiceProvider services, CancellationToken cancellationToken)
    {
        var syncs = services.GetRequiredService<SyncService>();
        var connections = services.GetRequiredService<ConnectionService>();
        var existing = (await syncs.ListAsync(cancellationToken)).ToDictionary(s => s.Name, StringComparer.Ordinal);
        foreach (var (name, source, streams) in HubSyncs)
        {
            if (existing.TryGetValue(name, out var found))
            {
                state.Syncs[name] = found.Id;
                continue;
            }

            var sourceId = state.Connections[source];
            var discovered = (await connections.DiscoverAsync(sourceId, cancellationToken)).ToDictionary(d => d.Name, StringComparer.Ordinal);
            var created = await syncs.CreateAsync(new SyncRequest
            {
                Name = name,
                SourceConnectionId = sourceId,
                Streams = streams.Where(discovered.ContainsKey).Select(s => new SyncStream
                {
                    Name = s,
                    SyncMode = discovered[s].SupportedSyncModes.Contains(SyncMode.Incremental) ? SyncMode.Incremental : SyncMode.FullRefresh,
                }).ToArray(),
                ScheduleCron = Schedule,
            }, cancellationToken);
            state.Syncs[name] = created.Id;
            state.NewSyncs.Add(created.Id);
        }
    }

    private static async Task RunNewSyncsAsync(DemoState state, IServiceProvider services, CancellationToken cancellationToken)
    {
        var runner = services.GetRequiredService<SyncRunner>();
        var launcher = services.GetRequiredService<IRunLauncher>();
        foreach (var syncId in state.NewSyncs)
        {
            await launcher.LaunchAsync(syncId, await runner.QueueAsync(syncId, RunTrigger.Manual, cancellationToken: cancellationToken), cancellationToken);
        }
    }
}
