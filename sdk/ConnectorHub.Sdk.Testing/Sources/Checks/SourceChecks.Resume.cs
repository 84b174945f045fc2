using ConnectorHub.Sdk.Sources;
using ConnectorHub.Sdk.Testing.Reading;
using Xunit;

namespace ConnectorHub.Sdk.Testing.Sources.Checks;

public static partial class SourceChecks
{
    /// <summary>
    /// For every stream and mode: a read that dies halfway, resumed from its last state, loses no record and
    /// re-emits none the host had already committed (records before that state), by primary key.
    /// </summary>
    public static async Task ResumeAfterCrashAsync(SourceAcceptanceFixture fixture, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        fixture.ThrowIfSkipped(SourceCheck.ResumeAfterCrash);
        var session = new SourceSession(fixture, cancellationToken);
        var problems = new List<string>();
        foreach (var stream in await session.StreamsAsync())
        {
            foreach (var mode in SourceSession.ModesOf(stream))
            {
                problems.AddRange(await ResumeProblemsAsync(session, stream, mode));
            }
        }

        if (problems.Count > 0)
        {
            Assert.Fail($"Resuming after a crash:\n- {string.Join("\n- ", problems)}");
        }
    }

    private static async Task<IReadOnlyList<string>> ResumeProblemsAsync(SourceSession session, StreamDescriptor stream, SyncMode mode)
    {
        var what = $"stream '{stream.Name}' ({mode})";
        var all = SourceSession.Keys(stream, (await session.ReadAllAsync(stream, mode)).Records).ToHashSet(StringComparer.Ordinal);
        if (all.Count < 2)
        {
            return [$"{what} holds {all.Count} record(s); seed at least two pages of records so a crash can fall in the middle."];
        }

        var crashAt = all.Count / 2;
        var crashed = await session.ReadAsync(stream, mode, options: new SourceReadOptions { StopAfterRecords = crashAt });
        var committed = SourceSession.Keys(stream, crashed.CommittedRecordsOf(stream.Name));
        var state = crashed.LastState(stream.Name);
        if (state is null && (mode == SyncMode.Incremental || stream.ResumableFullRefresh))
        {
            return [$"{what} emitted no state in its first {crashAt} records, so a crash there starts over. Checkpoint after every page (use small pages in the fixture)."];
        }

        var resumed = SourceSession.Keys(stream, (await session.ReadAllAsync(stream, mode, state)).Records);
        var problems = new List<string>();
        var lost = all.Except(committed).Except(resumed).ToArray();
        if (lost.Length > 0)
        {
            problems.Add($"{what}: after a crash at record {crashAt} and a resume from the last state, {lost.Length} record(s) were never delivered: {SourceSession.Sample(lost)}. The state runs ahead of the records emitted before it.");
        }

        var again = committed.Intersect(resumed).ToArray();
        if (again.Length > 0)
        {
            problems.Add($"{what}: the resumed read emitted {again.Length} record(s) the host had already committed before the crash: {SourceSession.Sample(again)}. Resume strictly after the checkpoint (dedupe a >= cursor's boundary by key).");
        }

        return problems;
    }
}
