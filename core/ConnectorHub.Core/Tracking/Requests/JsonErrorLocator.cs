using System.Globalization;
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
        var path = new List<object>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        Replace(path, reader.GetString()!);
                        break;
                    case JsonTokenType.StartObject:
                        Advance(path);
                        path.Add(string.Empty);
                        break;
                    case JsonTokenType.StartArray:
                        Advance(path);
                        path.Add(-1);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        break;
                    default:
                        Advance(path);
                        break;
                }
            }

            return null;
        }
        catch (JsonException ex)
        {
            return new JsonErrorPosition((ex.LineNumber ?? 0) + 1, ex.BytePositionInLine ?? 0, Format(path), ex.Message.Split(" LineNumber:", 2)[0].Trim());
        }
    }

    private static void Replace(List<object> path, string property)
    {
        if (path.Count > 0)
        {
            path[^1] = property;
        }
    }

    private static void Advance(List<object> path)
    {
        if (path.Count > 0 && path[^1] is int index)
        {
            path[^1] = index + 1;
        }
    }

    private static string Format(List<object> path)
    {
        var text = new StringBuilder("$");
        foreach (var part in path)
        {
            _ = part switch
            {
                int index when index >= 0 => text.Append(CultureInfo.InvariantCulture, $"[{index}]"),
                string { Length: > 0 } name => text.Append('.').Append(name),
                _ => text,
            };
        }

        return text.ToString();
    }
}
