using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Sources;
using ConnectorHub.Sdk.Testing.Reading;
using Xunit;

namespace ConnectorHub.Sdk.Testing.Sources.Checks;

public static partial class SourceChecks
{
    /// <summary>An incremental read from the last state returns nothing, or only records at or past the cursor.</summary>
    public static async Task IncrementalFromLastStateAsync(SourceAcceptanceFixture fixture, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        fixture.ThrowIfSkipped(SourceCheck.IncrementalFromLastState);
        var session = new SourceSession(fixture, cancellationToken);
        var problems = new List<string>();
        foreach (var stream in await IncrementalStreamsAsync(session))
        {
            var first = await session.ReadAllAsync(stream, SyncMode.Incremental);
            var state = first.LastState(stream.Name);
            if (state is null)
            {
                problems.Add($"stream '{stream.Name}': an incremental read emitted no state, so every run would read everything again.");
                continue;
            }

            var cursor = stream.DefaultCursorField;
            var high = first.Records.Select(r => RecordKey.At(r.Data, cursor)).Aggregate((JsonNode?)null, (max, v) => CursorValue.Compare(v, max) > 0 ? v : max);
            var second = await session.ReadAllAsync(stream, SyncMode.Incremental, state);
            var before = second.Records.Where(r => CursorValue.Compare(RecordKey.At(r.Data, cursor), high) < 0).ToArray();
            if (before.Length > 0)
            {
                problems.Add($"stream '{stream.Name}': reading again from the last state returned {before.Length} record(s) from before the cursor {high?.ToJsonString()} (first: {RecordKey.At(before[0].Data, cursor)?.ToJsonString()}); the state does not hold the cursor.");
            }
        }

        if (problems.Count > 0)
        {
            Assert.Fail($"Incremental reads from the last state:\n- {string.Join("\n- ", problems)}");
        }
    }

    /// <summary>An incremental read from a state whose cursor lies in the future returns no records.</summary>
    public static async Task FutureStateAsync(SourceAcceptanceFixture fixture, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        fixture.ThrowIfSkipped(SourceCheck.FutureState);
        var session = new SourceSession(fixture, cancellationToken);
        var problems = new List<string>();
        foreach (var stream in await IncrementalStreamsAsync(session))
        {
            var result = await session.ReadAllAsync(stream, SyncMode.Incremental, fixture.FutureState(stream));
            if (result.Records.Count > 0)
            {
                problems.Add($"stream '{stream.Name}': a state from the future still returned {result.Records.Count} record(s); the read must start at the state's cursor.");
            }
        }

        if (problems.Count > 0)
        {
            Assert.Fail($"Incremental reads from a future state:\n- {string.Join("\n- ", problems)}");
        }
    }

    private static async Task<IReadOnlyList<StreamDescriptor>> IncrementalStreamsAsync(SourceSession session)
    {
        var streams = (await session.StreamsAsync()).Where(s => s.SupportedSyncModes.Contains(SyncMode.Incremental)).ToArray();
        if (streams.Length == 0)
        {
            throw new Skipping.CheckSkippedException("No stream supports incremental reads.");
        }

        return streams;
    }
}
