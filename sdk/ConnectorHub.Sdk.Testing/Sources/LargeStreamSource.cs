using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Sdk.Testing.Sources;

/// <summary>
/// A stream seeded with many records for the flat-memory check, usually on an emulator of its own so the other
/// checks stay small. Disposing it stops what the fixture started for it.
/// </summary>
/// <param name="Stream">The stream to read.</param>
/// <param name="Config">The configuration that reads it.</param>
/// <param name="RecordCount">How many records the stream holds.</param>
/// <param name="Resources">What to dispose afterwards (an emulator host, say).</param>
public sealed record LargeStreamSource(string Stream, JsonObject Config, int RecordCount, IAsyncDisposable? Resources = null) : IAsyncDisposable
{
    /// <summary>How to read it.</summary>
    public SyncMode Mode { get; init; } = SyncMode.FullRefresh;

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Resources?.DisposeAsync() ?? ValueTask.CompletedTask;
}
