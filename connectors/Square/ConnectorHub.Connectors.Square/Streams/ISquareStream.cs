using ConnectorHub.Connectors.Square.Api;
using ConnectorHub.Connectors.Square.State;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Connectors.Square.Streams;

/// <summary>
/// One Square stream: how it splits a pass into partitions (location batches) and how it fetches a page of records
/// whose <c>updated_at</c> lies in the pass's window, oldest first where Square can sort that way.
/// </summary>
internal interface ISquareStream
{
    /// <summary>The stream's name.</summary>
    string Name { get; }

    /// <summary>The stream's descriptor.</summary>
    StreamDescriptor Describe();

    /// <summary>The partitions of a new pass, in reading order.</summary>
    Task<IReadOnlyList<string>> PartitionsAsync(LocationScope locations, CancellationToken cancellationToken);

    /// <summary>One page of <paramref name="partition"/>, from <paramref name="pageCursor"/> (null: the first page).</summary>
    Task<SquarePage> FetchAsync(SquareApi api, string partition, PassProgress pass, string? pageCursor, CancellationToken cancellationToken);
}
