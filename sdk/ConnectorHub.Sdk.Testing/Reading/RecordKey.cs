using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Sdk.Testing.Reading;

/// <summary>Reads primary keys and cursor values out of records by their paths.</summary>
public static class RecordKey
{
    /// <summary>The value at <paramref name="path"/> (property names from the root), or null.</summary>
    public static JsonNode? At(JsonObject record, IReadOnlyList<string> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        JsonNode? node = record;
        foreach (var name in path)
        {
            node = node is JsonObject o ? o[name] : null;
        }

        return node;
    }

    /// <summary>The record's primary key as one string (components joined), or null when a component is missing.</summary>
    public static string? Of(JsonObject record, IReadOnlyList<IReadOnlyList<string>> primaryKey)
    {
        ArgumentNullException.ThrowIfNull(primaryKey);
        var parts = new List<string>(primaryKey.Count);
        foreach (var path in primaryKey)
        {
            if (At(record, path) is not { } value)
            {
                return null;
            }

            parts.Add(value.ToJsonString());
        }

        return string.Join('|', parts);
    }

    /// <summary>The primary key of a record of <paramref name="stream"/>, failing clearly when it has none.</summary>
    public static string Require(StreamDescriptor stream, RecordMessage record)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(record);
        return Of(record.Data, stream.PrimaryKey)
            ?? throw new Xunit.Sdk.XunitException($"Stream '{stream.Name}': a record has no value at its primary key ({Describe(stream.PrimaryKey)}): {Truncate(record.Data.ToJsonString())}");
    }

    /// <summary>A primary key written for messages: <c>id</c> or <c>account.id, date</c>.</summary>
    public static string Describe(IReadOnlyList<IReadOnlyList<string>> primaryKey) =>
        string.Join(", ", primaryKey.Select(p => string.Join('.', p)));

    internal static string Truncate(string text, int max = 300) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max), "…");
}
