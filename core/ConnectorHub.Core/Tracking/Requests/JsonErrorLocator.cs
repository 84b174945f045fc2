using System.Text;
using System.Text.Json;

namespace ConnectorHub.Core.Tracking.Requests;

/// <summary>Where a body stops being JSON: line, byte position in the line and the JSON path of the value being read.</summary>
/// <param name="Line">The line, from 1.</param>
/// <param name="BytePositionInLine">The byte in that line, from 0 (as System.Text.Json counts).</param>
/// <param name="Path">The path of the value being read, such as <c>$.batch[3].properties</c>.</param>
/// <param name="Message">What the parser found wrong.</param>
public sealed record JsonErrorPosition(long Line, long BytePositionInLine, string Path, string Message);

/// <summary>Reads a body token by token, tracking the path, to say where it is malformed.</summary>
internal static class JsonErrorLocator
{
    /// <summary>The error position; null when the body is valid JSON after all.</summary>
    public static JsonErrorPosition? Locate(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 });
        var path = new JsonPathTracker();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        // The name's text may itself be what is broken: the path then ends at its object.
                        path.Name(Encoding.UTF8.GetString(reader.ValueSpan));
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        path.Enter(reader.TokenType == JsonTokenType.StartArray);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        path.Leave();
                        break;
                    default:
                        path.Value();
                        break;
                }
            }

            return null;
        }
        catch (JsonException ex)
        {
            return new JsonErrorPosition((ex.LineNumber ?? 0) + 1, ex.BytePositionInLine ?? 0, path.Current, ex.Message.Split(" LineNumber:", 2)[0].Trim());
        }
    }

    /// <summary>The line (from 1) and byte in that line (from 0) of <paramref name="offset"/> in <paramref name="body"/>.</summary>
    public static (long Line, long BytePositionInLine) LineOf(ReadOnlySpan<byte> body, long offset)
    {
        var before = body[..(int)Math.Min(offset, body.Length)];
        var lastNewLine = before.LastIndexOf((byte)'\n');
        return (before.Count((byte)'\n') + 1, offset - lastNewLine - 1);
    }
}
