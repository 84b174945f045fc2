using ConnectorHub.Cli.CommandLine;
using ConnectorHub.Cli.Connections;
using ConnectorHub.Cli.Files;
using ConnectorHub.Cli.Hosting;
using ConnectorHub.Core.Connections;
using ConnectorHub.Core.Runner;
using ConnectorHub.Core.Runs;
using ConnectorHub.Core.Storage;
using ConnectorHub.Core.Syncs;
using Microsoft.EntityFrameworkCore;

namespace ConnectorHub.Cli.Runs;

/// <summary>
/// One <c>run</c>: read the sync file, open the state store, bring the sync up to date in it, execute one run
/// while showing progress, then report and pick the exit code.
/// </summary>
internal sealed class SyncRun(CliContext context, RunOptions.Values options)
{
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        // Read the file before touching any store, so a broken file changes nothing.
        var file = SyncFileReader.Read(ConfigFileOption.Load(options.File));
        var store = StateStore.From(options.State, options.Storage, context.WorkingDirectory);
        await using var session = HubSession.Open(context, store);
        var resolved = ConnectionResolver.Resolve(file.Document, file.Connections, session.Plugins, session.PluginsDirectory);
        await session.StartAsync(cancellationToken);
        var sync = await new SyncProvisioner(session.Get<ConnectionService>(), session.Get<SyncService>()).ApplyAsync(file, resolved, cancellationToken);
        await PrepareStateAsync(session, sync.Id, cancellationToken);

        var runner = session.Get<SyncRunner>();
        var runs = session.Get<RunService>();
        var runId = await runner.QueueAsync(sync.Id, RunTrigger.Cli, cancellationToken: cancellationToken);
        // Ctrl+C is the user cancelling the run (not the process shutting down): say so, and let the engine commit what it read.
        var cancellations = session.Get<RunCancellations>();
        await using var onCtrlC = cancellationToken.Register(() => cancellations.Cancel(runId));
        var execution = runner.ExecuteAsync(runId, CancellationToken.None);
        var streams = file.Streams.Select(s => s.Name).ToArray();
        await new RunProgressDisplay(context.Output, runs, file.Name, streams).FollowAsync(runId, execution);

        var run = RunView.From(await execution);
        var rejected = run.Streams.Sum(s => s.RecordsRejected);
        var rejects = rejected > 0 && options.ShowRejects > 0
            ? await runs.RejectsAsync(runId, options.ShowRejects, 0, CancellationToken.None)
            : [];
        var report = RunReport.From(file.Name, streams, run, rejects, store.Description);
        if (context.Output.Json)
        {
            context.Output.WriteJson(report);
        }
        else
        {
            RunReportWriter.Write(context.Output.Console, report);
        }

        return report.ExitCode;
    }

    private async Task PrepareStateAsync(HubSession session, Guid syncId, CancellationToken cancellationToken)
    {
        var state = new SyncState(session.Get<IDbContextFactory<HubDbContext>>());
        var released = await session.Get<RunRecovery>().InterruptStaleAsync(syncId, cancellationToken);
        if (released > 0 && !context.Output.Json)
        {
            context.Output.WriteLine("A previous run of this sync stopped without finishing; marked it interrupted. Resuming from its last checkpoint.");
        }

        if (options.FullRefresh)
        {
            var forgotten = await state.ForgetCheckpointsAsync(syncId, cancellationToken);
            if (!context.Output.Json)
            {
                context.Output.WriteLine($"Full refresh: forgot {forgotten} checkpoint(s); every stream is read from the beginning.");
            }
        }
    }
}
