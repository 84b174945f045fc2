using System.Diagnostics;
using System.Globalization;
using ConnectorHub.Cli.Output;
using ConnectorHub.Core.Runs;
using Spectre.Console;

namespace ConnectorHub.Cli.Runs;

/// <summary>
/// Shows a run's progress while it executes, by polling its committed counts: a live table on a terminal, one
/// line per change when output is redirected, nothing with <c>--json</c>. Counts move at each commit (batch).
/// </summary>
internal sealed class RunProgressDisplay(CliOutput output, RunService runs, string sync, IReadOnlyList<string> streams)
{
    private static readonly TimeSpan LiveInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan LineInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>Follows <paramref name="runId"/> until <paramref name="execution"/> completes.</summary>
    public async Task FollowAsync(Guid runId, Task execution)
    {
        if (output.Json)
        {
            await execution;
        }
        else if (output.Interactive)
        {
            await FollowLiveAsync(runId, execution);
        }
        else
        {
            await FollowWithLinesAsync(runId, execution);
        }
    }

    private async Task FollowLiveAsync(Guid runId, Task execution)
    {
        var clock = Stopwatch.StartNew();
        await output.Console.Live(Render(null, clock.Elapsed)).AutoClear(true).StartAsync(async live =>
        {
            while (!execution.IsCompleted)
            {
                await Task.WhenAny(execution, Task.Delay(LiveInterval));
                live.UpdateTarget(Render(await TryGetAsync(runId), clock.Elapsed));
            }
        });
        await execution;
    }

    private async Task FollowWithLinesAsync(Guid runId, Task execution)
    {
        output.WriteLine($"Running sync '{sync}' (run {runId}).");
        var shown = new Dictionary<string, RunStreamView>(StringComparer.Ordinal);
        while (!execution.IsCompleted)
        {
            await Task.WhenAny(execution, Task.Delay(LineInterval));
            foreach (var stream in (await TryGetAsync(runId))?.Streams ?? [])
            {
                if (!shown.TryGetValue(stream.Stream, out var before) || before != stream)
                {
                    shown[stream.Stream] = stream;
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  {stream.Stream}: {stream.RecordsRead} read, {stream.RecordsWritten} written, {stream.RecordsRejected} rejected"));
                }
            }
        }

        await execution;
    }

    private Rows Render(RunView? run, TimeSpan elapsed)
    {
        var counted = run?.Streams.ToDictionary(s => s.Stream, StringComparer.Ordinal) ?? [];
        var table = new Table()
            .AddColumn("Stream").AddColumn(new TableColumn("Read").RightAligned())
            .AddColumn(new TableColumn("Written").RightAligned()).AddColumn(new TableColumn("Rejected").RightAligned());
        foreach (var name in streams.Concat(counted.Keys.Except(streams, StringComparer.Ordinal)))
        {
            var s = counted.GetValueOrDefault(name);
            table.AddRow(Markup.Escape(name), Count(s?.RecordsRead), Count(s?.RecordsWritten), Count(s?.RecordsRejected));
        }

        return new Rows(
            new Markup($"Running sync [bold]'{Markup.Escape(sync)}'[/]: {elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s"),
            table,
            new Markup("[grey]Ctrl+C stops the run: what was read is committed, and the next run resumes from there.[/]"));
    }

    private async Task<RunView?> TryGetAsync(Guid runId)
    {
        try
        {
            return await runs.GetAsync(runId, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Progress is best effort: a busy store must not fail a run that is going well.
            return null;
        }
    }

    private static string Count(long? value) => (value ?? 0).ToString("N0", CultureInfo.InvariantCulture);
}
