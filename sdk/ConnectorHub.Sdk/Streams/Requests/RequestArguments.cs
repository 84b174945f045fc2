using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Streams.Incremental;

namespace ConnectorHub.Sdk.Streams.Requests;

/// <summary>What a request template is built from: the parent record (child streams) and the date slice (sliced streams).</summary>
/// <param name="Partition">The parent record this request reads the children of, or null.</param>
/// <param name="Slice">The date range this request reads, or null.</param>
/// <param name="Cursor">For an incremental read, the lower bound to ask from (lookback applied), or null on a first read.</param>
public readonly record struct RequestArguments(JsonObject? Partition, DateRange? Slice, DateTimeOffset? Cursor);
