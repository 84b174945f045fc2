using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Schemas;
using ConnectorHub.Sdk.Sources;
using ConnectorHub.Sdk.Testing.Reading;
using Xunit;

namespace ConnectorHub.Sdk.Testing.Sources.Checks;

public static partial class SourceChecks
{
    /// <summary>
    /// Every stream, in every mode it supports, reads records that match its schema, have a primary key and no
    /// duplicate key; the fixture's expected records are among them.
    /// </summary>
    public static async Task RecordsMatchSchemaAsync(SourceAcceptanceFixture fixture, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        fixture.ThrowIfSkipped(SourceCheck.RecordsMatchSchema);
        var session = new SourceSession(fixture, cancellationToken);
        var problems = new List<string>();
        foreach (var stream in await session.StreamsAsync())
        {
            var validator = JsonSchemaValidator.FromJson(stream.JsonSchema);
            foreach (var mode in SourceSession.ModesOf(stream))
            {
                var records = (await session.ReadAllAsync(stream, mode)).Records;
                if (records.Count == 0 && !fixture.StreamsAllowedEmpty.Contains(stream.Name))
                {
                    problems.Add($"stream '{stream.Name}' ({mode}) read no records; seed the emulator, or list the stream in StreamsAllowedEmpty.");
                }

                var invalid = records
                    .Select(r => (Record: r, Violations: validator.Validate(r.Data)))
                    .Where(x => x.Violations.Count > 0)
                    .ToArray();
                if (invalid.Length > 0)
                {
                    var first = invalid[0];
                    problems.Add($"stream '{stream.Name}' ({mode}): {invalid.Length} of {records.Count} records break the stream's schema, first: {string.Join("; ", first.Violations.Take(3))} in {RecordKey.Truncate(first.Record.Data.ToJsonString())}");
                }

                var duplicates = SourceSession.Keys(stream, records).GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
                if (duplicates.Length > 0)
                {
                    problems.Add($"stream '{stream.Name}' ({mode}) emitted {duplicates.Length} primary key(s) more than once in one read: {SourceSession.Sample(duplicates)}");
                }

                if (mode == SyncMode.FullRefresh)
                {
                    problems.AddRange(MissingExpected(fixture, stream, records));
                }
            }
        }

        if (problems.Count > 0)
        {
            Assert.Fail($"Reading every stream:\n- {string.Join("\n- ", problems)}");
        }
    }

    /// <summary>Two full refreshes of each stream return the same records (by primary key, field for field).</summary>
    public static async Task FullRefreshesAgreeAsync(SourceAcceptanceFixture fixture, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        fixture.ThrowIfSkipped(SourceCheck.FullRefreshesAgree);
        var session = new SourceSession(fixture, cancellationToken);
        var problems = new List<string>();
        foreach (var stream in (await session.StreamsAsync()).Where(s => s.SupportedSyncModes.Contains(SyncMode.FullRefresh)))
        {
            var first = ByKey(stream, (await session.ReadAllAsync(stream, SyncMode.FullRefresh)).Records);
            var second = ByKey(stream, (await session.ReadAllAsync(stream, SyncMode.FullRefresh)).Records);
            var missing = first.Keys.Except(second.Keys).ToArray();
            var extra = second.Keys.Except(first.Keys).ToArray();
            var changed = first.Keys.Intersect(second.Keys).Where(k => !JsonNode.DeepEquals(first[k], second[k])).ToArray();
            if (missing.Length + extra.Length + changed.Length > 0)
            {
                problems.Add($"stream '{stream.Name}': the second full refresh lacks {missing.Length} record(s) [{SourceSession.Sample(missing)}], adds {extra.Length} [{SourceSession.Sample(extra)}] and differs on {changed.Length} [{SourceSession.Sample(changed)}].");
            }
        }

        if (problems.Count > 0)
        {
            Assert.Fail($"Two full refreshes of unchanged data disagree:\n- {string.Join("\n- ", problems)}");
        }
    }

    private static IEnumerable<string> MissingExpected(SourceAcceptanceFixture fixture, StreamDescriptor stream, IReadOnlyList<RecordMessage> records)
    {
        if (!fixture.ExpectedRecords.TryGetValue(stream.Name, out var expected))
        {
            yield break;
        }

        var read = ByKey(stream, records);
        foreach (var want in expected)
        {
            var key = RecordKey.Of(want, stream.PrimaryKey);
            if (key is null || !read.TryGetValue(key, out var got))
            {
                yield return $"stream '{stream.Name}': the expected record {key ?? RecordKey.Truncate(want.ToJsonString())} was not read.";
            }
            else if (FirstDifference(want, got) is { } difference)
            {
                yield return $"stream '{stream.Name}': record {key} differs from the expected one at {difference}.";
            }
        }
    }

    private static Dictionary<string, JsonObject> ByKey(StreamDescriptor stream, IEnumerable<RecordMessage> records)
    {
        var map = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            map[RecordKey.Require(stream, record)] = record.Data;
        }

        return map;
    }

    /// <summary>The first field of <paramref name="expected"/> that <paramref name="actual"/> lacks or holds differently.</summary>
    private static string? FirstDifference(JsonObject expected, JsonObject actual, string path = "")
    {
        foreach (var (name, want) in expected)
        {
            var where = path.Length == 0 ? name : $"{path}.{name}";
            var got = actual[name];
            if (want is JsonObject wantObject && got is JsonObject gotObject)
            {
                if (FirstDifference(wantObject, gotObject, where) is { } nested)
                {
                    return nested;
                }
            }
            else if (!JsonNode.DeepEquals(want, got))
            {
                return $"'{where}' (expected {want?.ToJsonString() ?? "null"}, read {got?.ToJsonString() ?? "nothing"})";
            }
        }

        return null;
    }
}
