using System.Text.Json.Nodes;

namespace ConnectorHub.Sdk.Sources;

/// <summary>A stream a source offers: what its records look like, how they are keyed and how it can be read.</summary>
public sealed record StreamDescriptor
{
    /// <summary>The stream's name, unique within the connector (for example <c>contacts</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The JSON Schema (draft-07) of the stream's records.</summary>
    public required JsonObject JsonSchema { get; init; }

    /// <summary>The sync modes the stream supports.</summary>
    public IReadOnlyList<SyncMode> SupportedSyncModes { get; init; } = [SyncMode.FullRefresh];

    /// <summary>Whether the source decides the cursor field (users cannot choose another one).</summary>
    public bool SourceDefinedCursor { get; init; }

    /// <summary>The cursor field used for incremental reads, as a path of property names.</summary>
    public IReadOnlyList<string> DefaultCursorField { get; init; } = [];

    /// <summary>The record's primary key: one path (of property names) per key component.</summary>
    public IReadOnlyList<IReadOnlyList<string>> PrimaryKey { get; init; } = [];

    /// <summary>Whether an interrupted full refresh can resume from its last state instead of starting over.</summary>
    public bool ResumableFullRefresh { get; init; }

    /// <summary>Human-readable description for the dashboard.</summary>
    public string? Description { get; init; }
}
