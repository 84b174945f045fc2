using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Sdk.Streams.Reading;

/// <summary>A stream builder as the host sees it.</summary>
internal static class StreamDescription
{
    public static StreamDescriptor Of(HttpStreamBuilder stream) => new()
    {
        Name = stream.Name,
        JsonSchema = stream.Schema.DeepClone().AsObject(),
        SupportedSyncModes = stream.Incremental is null && stream.Slicing is null ? [SyncMode.FullRefresh] : [SyncMode.FullRefresh, SyncMode.Incremental],
        SourceDefinedCursor = stream.Incremental is not null,
        DefaultCursorField = stream.Incremental is { } incremental ? incremental.CursorField.Split('.') : [],
        PrimaryKey = stream.PrimaryKey.Select(k => (IReadOnlyList<string>)k.Split('.')).ToArray(),
        ResumableFullRefresh = stream.ResumableFullRefresh,
        Description = stream.Description,
    };
}
