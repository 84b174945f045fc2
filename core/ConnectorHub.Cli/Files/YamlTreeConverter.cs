using System.Text;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace ConnectorHub.Cli.Files;

/// <summary>
/// Turns a YAML node tree into JSON, recording the line of every field in <c>lines</c> (keyed by paths such as
/// <c>streams[0].name</c>) and every problem in <c>problems</c>. String values get <c>${NAME}</c> replaced by the
/// environment variable NAME; <c>$${</c> keeps a literal <c>${</c>.
/// </summary>
internal sealed class YamlTreeConverter(Dictionary<string, int> lines, List<FileProblem> problems, Func<string, string?> environment)
{
    public JsonNode? Convert(YamlNode node, string path)
    {
        lines.TryAdd(path, (int)node.Start.Line);
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var (keyNode, valueNode) in mapping.Children)
                {
                    var key = keyNode is YamlScalarNode { Value: { } name } ? name : keyNode.ToString();
                    var childPath = path.Length == 0 ? key : $"{path}.{key}";
                    lines[childPath] = (int)keyNode.Start.Line;
                    if (obj.ContainsKey(key))
                    {
                        problems.Add(new FileProblem(childPath, (int)keyNode.Start.Line, "appears twice; keep one."));
                        continue;
                    }

                    obj[key] = Convert(valueNode, childPath);
                }

                return obj;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    array.Add(Convert(sequence.Children[i], $"{path}[{i}]"));
                }

                return array;
            case YamlScalarNode scalar:
                var typed = ScalarValues.Convert(scalar);
                return typed is JsonValue value && value.TryGetValue(out string? text) ? Substitute(text, path, (int)scalar.Start.Line) : typed;
            default:
                problems.Add(new FileProblem(path, (int)node.Start.Line, $"has an unsupported YAML node ({node.NodeType})."));
                return null;
        }
    }

    private JsonValue Substitute(string text, string path, int line)
    {
        if (!text.Contains('$', StringComparison.Ordinal))
        {
            return JsonValue.Create(text);
        }

        var result = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '$' && i + 2 < text.Length && text[i + 1] == '$' && text[i + 2] == '{')
            {
                result.Append("${");
                i += 2;
            }
            else if (text[i] == '$' && i + 1 < text.Length && text[i + 1] == '{' && text.IndexOf('}', i) is var end and > 0)
            {
                var name = text[(i + 2)..end];
                var value = environment(name);
                if (value is null)
                {
                    problems.Add(new FileProblem(path, line, $"refers to the environment variable '{name}', which is not set. Set it, or write the value in the file."));
                }

                result.Append(value);
                i = end;
            }
            else
            {
                result.Append(text[i]);
            }
        }

        return JsonValue.Create(result.ToString());
    }
}
