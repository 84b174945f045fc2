using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ConnectorHub.Host.Demo;

/// <summary>
/// Once the hub listens (storage migrated, plugins loaded), starts the emulators, sets up the demo workspace and
/// logs what it started and how to sign in.
/// </summary>
internal sealed class DemoStartup(
    DemoEmulators emulators, DemoWorkspace workspace, IHostApplicationLifetime lifetime, IServer server, ILogger<DemoStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            await started.Task;
        }

        await emulators.StartAsync(stoppingToken);
        foreach (var (name, address) in emulators.Addresses)
        {
            logger.LogInformation("Demo: the {Emulator} emulator listens at {Address}", name, address);
        }

        logger.LogInformation("Demo: Mailchimp audience {ListId} and Meta custom audience {AudienceId} are ready to activate into.", emulators.MailchimpListId, emulators.MetaAudienceId);
        var state = await workspace.SetUpAsync(emulators, stoppingToken);
        var hub = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "the hub's address";
        if (state.Password is not null)
        {
            logger.LogInformation(
                "Demo: sign in at {Hub} as user '{UserName}' with password '{Password}' (a new password at every start).",
                hub, DemoOptions.UserName, state.Password);
        }
    }
}
