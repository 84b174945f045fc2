using System.Text.Json.Nodes;

namespace ConnectorHub.Sdk.Streams.Records;

/// <summary>Options of <see cref="AddFieldTransform"/>: a fixed value, or one computed from the record and its parent.</summary>
public sealed record AddFieldOptions
{
    /// <summary>The field to set (a dotted path creates objects on the way).</summary>
    public required string Field { get; init; }

    /// <summary>The value; called for every record (for example the parent's id: <c>args =&gt; args.Partition?["id"]</c>).</summary>
    public required Func<JsonObject, TransformArguments, JsonNode?> Value { get; init; }
}

/// <summary>Adds (or replaces) a field of every record.</summary>
public sealed class AddFieldTransform(AddFieldOptions options) : IRecordTransform
{
    private readonly FieldPath _path = FieldPath.Parse(options.Field);

    /// <inheritdoc />
    public void Apply(JsonObject record, in TransformArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(record);
        _path.Set(record, options.Value(record, arguments)?.DeepClone());
    }
}
