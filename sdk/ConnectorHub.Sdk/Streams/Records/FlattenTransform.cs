using System.Text.Json.Nodes;

namespace ConnectorHub.Sdk.Streams.Records;

/// <summary>Options of <see cref="FlattenTransform"/>.</summary>
public sealed record FlattenOptions
{
    /// <summary>The object field whose members move to the top level (for example <c>properties</c>).</summary>
    public required string Field { get; init; }

    /// <summary>A prefix for the moved names (for example <c>properties_</c>); empty keeps them as they are.</summary>
    public string Prefix { get; init; } = string.Empty;

    /// <summary>Whether the emptied object field is removed.</summary>
    public bool RemoveField { get; init; } = true;
}

/// <summary>Moves an object field's members to the top level of the record.</summary>
public sealed class FlattenTransform(FlattenOptions options) : IRecordTransform
{
    /// <inheritdoc />
    public void Apply(JsonObject record, in TransformArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record[options.Field] is not JsonObject inner)
        {
            return;
        }

        var members = inner.ToArray();
        inner.Clear();
        foreach (var (name, value) in members)
        {
            record[options.Prefix + name] = value;
        }

        if (options.RemoveField)
        {
            record.Remove(options.Field);
        }
    }
}
