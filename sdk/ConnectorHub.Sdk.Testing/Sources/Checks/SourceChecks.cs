using ConnectorHub.Sdk.Schemas;
using ConnectorHub.Sdk.Sources;
using ConnectorHub.Sdk.Testing.Connections;
using Xunit;

namespace ConnectorHub.Sdk.Testing.Sources.Checks;

/// <summary>
/// The source checks, callable on their own (the kit's own tests do) or through
/// <see cref="SourceAcceptanceTests{TFixture}"/>. Each fails with a message that names the stream and the problem.
/// </summary>
public static partial class SourceChecks
{
    /// <summary>The spec is a valid JSON Schema with secret-looking fields marked secret.</summary>
    public static Task SpecAsync(SourceAcceptanceFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        fixture.ThrowIfSkipped(SourceCheck.Spec);
        ConnectionChecks.SpecIsSound(fixture.Connector, fixture);
        return Task.CompletedTask;
    }

    /// <summary>The check succeeds on the good config.</summary>
    public static Task CheckSucceedsAsync(SourceAcceptanceFixture fixture, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        fixture.ThrowIfSkipped(SourceCheck.CheckSucceeds);
        return ConnectionChecks.CheckSucceedsAsync(fixture.Connector, fixture, cancellationToken);
    }

    /// <summary>The check fails, usefully, on every bad config.</summary>
    public static Task CheckFailsAsync(SourceAcceptanceFixture fixture, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        fixture.ThrowIfSkipped(SourceCheck.CheckFails);
        return ConnectionChecks.CheckFailsUsefullyAsync(fixture.Connector, fixture, cancellationToken);
    }

    /// <summary>Discovery: unique names, valid schemas, sync modes, primary keys and cursors that exist in the schema.</summary>
    public static async Task DiscoveryAsync(SourceAcceptanceFixture fixture, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        fixture.ThrowIfSkipped(SourceCheck.Discovery);
        var streams = await new SourceSession(fixture, cancellationToken).StreamsAsync();
        var problems = new List<string>();
        foreach (var duplicate in streams.GroupBy(s => s.Name).Where(g => g.Count() > 1))
        {
            problems.Add($"the stream name '{duplicate.Key}' is used {duplicate.Count()} times; names must be unique.");
        }

        foreach (var stream in streams)
        {
            problems.AddRange(StreamProblems(stream).Select(p => $"stream '{stream.Name}': {p}"));
        }

        if (problems.Count > 0)
        {
            Assert.Fail($"DiscoverAsync returned invalid streams:\n- {string.Join("\n- ", problems)}");
        }
    }

    private static IEnumerable<string> StreamProblems(StreamDescriptor stream)
    {
        if (string.IsNullOrWhiteSpace(stream.Name))
        {
            yield return "the name is empty.";
        }

        string? schemaError = null;
        try
        {
            JsonSchemaValidator.FromJson(stream.JsonSchema);
        }
        catch (ArgumentException ex)
        {
            schemaError = ex.Message;
        }

        if (schemaError is not null)
        {
            yield return $"its JSON schema is invalid: {schemaError}";
        }

        if (stream.SupportedSyncModes.Count == 0)
        {
            yield return "it supports no sync mode.";
        }

        if (stream.PrimaryKey.Count == 0)
        {
            yield return "it has no primary key; records need a stable key so replays and resumes never duplicate.";
        }

        foreach (var path in stream.PrimaryKey.Where(p => !SchemaPaths.Exists(stream.JsonSchema, p)))
        {
            yield return $"the primary key '{string.Join('.', path)}' is not a property of its schema.";
        }

        if (stream.SupportedSyncModes.Contains(SyncMode.Incremental))
        {
            if (stream.DefaultCursorField.Count == 0)
            {
                yield return "it supports incremental reads but has no default cursor field.";
            }
            else if (!SchemaPaths.Exists(stream.JsonSchema, stream.DefaultCursorField))
            {
                yield return $"the cursor field '{string.Join('.', stream.DefaultCursorField)}' is not a property of its schema.";
            }
        }
    }
}
