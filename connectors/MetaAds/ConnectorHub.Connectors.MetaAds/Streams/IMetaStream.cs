using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Connectors.MetaAds.Streams;

/// <summary>One Meta Ads stream: how it describes itself and how it reads from a saved state.</summary>
internal interface IMetaStream
{
    /// <summary>The stream's name.</summary>
    string Name { get; }

    /// <summary>The stream's descriptor.</summary>
    StreamDescriptor Describe();

    /// <summary>Reads the stream in <paramref name="mode"/> from <paramref name="saved"/> (null: from the start).</summary>
    IAsyncEnumerable<SourceMessage> ReadAsync(ReadScope scope, SyncMode mode, JsonNode? saved, CancellationToken cancellationToken);
}
