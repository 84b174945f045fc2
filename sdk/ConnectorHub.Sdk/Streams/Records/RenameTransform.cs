using System.Text.Json.Nodes;

namespace ConnectorHub.Sdk.Streams.Records;

/// <summary>Options of <see cref="RenameTransform"/>.</summary>
public sealed record RenameOptions
{
    /// <summary>The field's name in the API.</summary>
    public required string From { get; init; }

    /// <summary>The field's name in the record.</summary>
    public required string To { get; init; }
}

/// <summary>Renames a top-level field (absent fields are left alone).</summary>
public sealed class RenameTransform(RenameOptions options) : IRecordTransform
{
    /// <inheritdoc />
    public void Apply(JsonObject record, in TransformArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Remove(options.From, out var value))
        {
            record[options.To] = value;
        }
    }
}
