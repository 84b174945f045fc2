using System.Text.Json.Nodes;

namespace ConnectorHub.Sdk.Streams.Records;

/// <summary>Changes a record after it is selected and before it is emitted (flatten, rename, add a field).</summary>
public interface IRecordTransform
{
    /// <summary>Transforms <paramref name="record"/> in place.</summary>
    void Apply(JsonObject record, in TransformArguments arguments);
}

/// <summary>What a transform may read besides the record.</summary>
/// <param name="Stream">The stream's name.</param>
/// <param name="Partition">The parent record of a child stream, or null.</param>
public readonly record struct TransformArguments(string Stream, JsonObject? Partition);
