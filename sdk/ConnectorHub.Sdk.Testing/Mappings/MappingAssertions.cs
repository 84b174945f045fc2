using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Canonical;
using ConnectorHub.Sdk.Sources;
using ConnectorHub.Sdk.Testing.Reading;
using ConnectorHub.Sdk.Testing.Sources;
using ConnectorHub.Sdk.Testing.Time;
using Xunit;

namespace ConnectorHub.Sdk.Testing.Mappings;

/// <summary>
/// Checks a connector's default mapping on its own sample records: the records the connector reads from the fixture's
/// fake API are mapped, none is rejected, and every entity is valid against the canonical schema (v1) of its type. The
/// kit needs no reference to the hub: the test supplies the mapping as a function (the hub's mapping engine, loaded
/// from the built plugin folder, in the repository's connectors).
/// </summary>
public static class MappingAssertions
{
    /// <summary>
    /// Reads <paramref name="stream"/> with the fixture's good config, maps every record with <paramref name="map"/>,
    /// and asserts that each is mapped (or skipped on purpose) into a valid <paramref name="entityType"/>. Returns the
    /// records with their entities, for the connector's own checks.
    /// </summary>
    public static async Task<IReadOnlyList<(JsonObject Record, JsonObject Entity)>> DefaultMappingMapsSampleRecordsAsync(
        SourceAcceptanceFixture fixture,
        string stream,
        CanonicalEntityType entityType,
        Func<JsonObject, MappedRecord> map,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        ArgumentNullException.ThrowIfNull(map);
        var context = fixture.CreateContext(fixture.GoodConfig, new InstantTimeProvider(), new Configs.RecordingConfigUpdater());
        var read = await SourceReader.ReadAsync(fixture.Connector, context, SourceReader.Request(SyncMode.FullRefresh, stream), cancellationToken: cancellationToken);
        Assert.True(read.Records.Count > 0, $"Stream '{stream}' read no record from the fixture's API, so its mapping cannot be checked: seed some.");
        var mapped = new List<(JsonObject, JsonObject)>();
        var problems = new List<string>();
        foreach (var record in read.Records.Select(r => r.Data))
        {
            var outcome = map(record.DeepClone().AsObject());
            if (outcome.Skipped)
            {
                continue;
            }

            if (outcome.Entity is null)
            {
                problems.Add($"{Key(record)}: rejected ({string.Join("; ", outcome.Errors)})");
                continue;
            }

            var violations = CanonicalSchemas.Validate(entityType, outcome.Entity);
            if (violations.Count > 0)
            {
                problems.Add($"{Key(record)}: the {entityType} breaks the canonical schema ({string.Join("; ", violations)})");
                continue;
            }

            mapped.Add((record, outcome.Entity));
        }

        if (problems.Count > 0)
        {
            Assert.Fail($"The default mapping of '{stream}' failed on {problems.Count} of {read.Records.Count} sample records:\n- {string.Join("\n- ", problems.Take(10))}");
        }

        Assert.True(mapped.Count > 0, $"The default mapping of '{stream}' skipped every one of its {read.Records.Count} sample records.");
        return mapped;
    }

    private static string Key(JsonObject record) => record["id"]?.ToJsonString() ?? record.ToJsonString()[..Math.Min(80, record.ToJsonString().Length)];
}
