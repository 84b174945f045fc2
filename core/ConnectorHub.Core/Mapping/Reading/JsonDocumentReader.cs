using System.Text;
using System.Text.Json;
using ConnectorHub.Core.Mapping.Definitions;

namespace ConnectorHub.Core.Mapping.Reading;

/// <summary>Reads JSON (comments and trailing commas allowed) into a <see cref="DocumentNode"/> tree with line numbers.</summary>
internal static class JsonDocumentReader
{
    public static DocumentNode Read(string text, string sourceName)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var lines = new LineMap(bytes);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            if (!reader.Read())
            {
                throw Error(sourceName, 1, 1, "the mapping file is empty");
            }

            return ReadValue(ref reader, lines);
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var column = (int)(ex.BytePositionInLine ?? 0) + 1;
            throw Error(sourceName, line, column, $"not valid JSON: {ex.Message}");
        }
    }

    private static MappingDefinitionException Error(string sourceName, int line, int column, string message) =>
        new([new MappingDefinitionError(new SourceLocation(sourceName, line, column, string.Empty), message)]);

    private static DocumentNode ReadValue(ref Utf8JsonReader reader, LineMap lines)
    {
        var (line, column) = lines.Position(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var entries = new List<KeyValuePair<ScalarNode, DocumentNode>>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var (keyLine, keyColumn) = lines.Position(reader.TokenStartIndex);
                    var key = new ScalarNode(reader.GetString()!, ScalarType.Text, keyLine, keyColumn);
                    reader.Read();
                    entries.Add(new(key, ReadValue(ref reader, lines)));
                }

                return new MapNode(entries, line, column);
            case JsonTokenType.StartArray:
                var items = new List<DocumentNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, lines));
                }

                return new SequenceNode(items, line, column);
            case JsonTokenType.String:
                return new ScalarNode(reader.GetString()!, ScalarType.Text, line, column);
            case JsonTokenType.Number:
                return new ScalarNode(Encoding.UTF8.GetString(reader.ValueSpan), ScalarType.Number, line, column);
            case JsonTokenType.True or JsonTokenType.False:
                return new ScalarNode(reader.GetBoolean() ? "true" : "false", ScalarType.Boolean, line, column);
            default:
                return new ScalarNode(string.Empty, ScalarType.Null, line, column);
        }
    }

    /// <summary>Byte offset to 1-based line and column.</summary>
    private sealed class LineMap
    {
        private readonly List<long> _starts = [0];

        public LineMap(byte[] bytes)
        {
            for (var i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] == (byte)'\n')
                {
                    _starts.Add(i + 1);
                }
            }
        }

        public (int Line, int Column) Position(long offset)
        {
            var index = _starts.BinarySearch(offset);
            if (index < 0)
            {
                index = ~index - 1;
            }

            return (index + 1, (int)(offset - _starts[index]) + 1);
        }
    }
}
