using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectorHub.Connectors.File.Configuration;
using ConnectorHub.Connectors.File.Files;
using ConnectorHub.Connectors.File.Rows;

namespace ConnectorHub.Connectors.File.Schema;

/// <summary>Infers a stream's JSON Schema from its first file: the CSV header (and sample), or a sample of JSON lines.</summary>
internal static class StreamSchemaInference
{
    /// <summary>The column types a read of <paramref name="stream"/> converts values to.</summary>
    public static async Task<CsvColumnTypes> ColumnTypesAsync(FileStreamSettings stream, SourceFile? firstFile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.InferTypes || stream.Format != FileFormat.Csv || firstFile is null)
        {
            return CsvColumnTypes.AllText;
        }

        var sample = await CsvSample.ReadAsync(firstFile, stream.Delimiter, cancellationToken);
        return CsvColumnTypes.Infer(sample.Header, sample.Rows);
    }

    /// <summary>The JSON Schema (draft-07) of the records of <paramref name="stream"/>, from <paramref name="firstFile"/>.</summary>
    public static async Task<JsonObject> InferAsync(FileStreamSettings stream, SourceFile firstFile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var properties = stream.Format == FileFormat.Csv
            ? await CsvPropertiesAsync(stream, firstFile, cancellationToken)
            : await JsonLinesPropertiesAsync(firstFile, cancellationToken);
        if (stream.IncrementalBy == IncrementalBy.ModifiedTime)
        {
            properties[FileModifiedAtField.Name] = FileModifiedAtField.Schema();
        }

        return new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["type"] = "object",
            ["properties"] = properties,
            // Other files of the stream may carry more columns than the first one.
            ["additionalProperties"] = true,
        };
    }

    private static async Task<JsonObject> CsvPropertiesAsync(FileStreamSettings stream, SourceFile file, CancellationToken cancellationToken)
    {
        var sample = await CsvSample.ReadAsync(file, stream.Delimiter, cancellationToken);
        var types = stream.InferTypes ? CsvColumnTypes.Infer(sample.Header, sample.Rows) : CsvColumnTypes.AllText;
        var properties = new JsonObject();
        foreach (var name in sample.Header.Distinct(StringComparer.Ordinal))
        {
            var type = types.Of(name);
            var property = new JsonObject
            {
                ["type"] = type == ColumnType.String ? "string" : new JsonArray(ValueShape.JsonType(type), "null"),
            };
            if (type == ColumnType.DateTime)
            {
                property["format"] = "date-time";
            }

            properties[name] = property;
        }

        return properties;
    }

    private static async Task<JsonObject> JsonLinesPropertiesAsync(SourceFile file, CancellationToken cancellationToken)
    {
        var seen = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var sampled = 0;
        await foreach (var row in new JsonLinesRowReader().ReadAsync(file, 0, cancellationToken))
        {
            if (row is not DataRow data)
            {
                continue;
            }

            foreach (var (name, value) in data.Data)
            {
                if (!seen.TryGetValue(name, out var kinds))
                {
                    seen[name] = kinds = new SortedSet<string>(StringComparer.Ordinal);
                }

                kinds.Add(JsonTypeOf(value));
            }

            if (++sampled == CsvSample.Size)
            {
                break;
            }
        }

        var properties = new JsonObject();
        foreach (var (name, kinds) in seen)
        {
            // A property missing from some lines may be absent from others too; null stays allowed.
            kinds.Add("null");
            properties[name] = new JsonObject { ["type"] = new JsonArray(kinds.Select(k => (JsonNode)k).ToArray()) };
        }

        return properties;
    }

    private static string JsonTypeOf(JsonNode? value) => value?.GetValueKind() switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };
}
