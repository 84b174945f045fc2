using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ConnectorHub.Cli.Files;

/// <summary>
/// A YAML or JSON file (JSON is read as the YAML subset it is) turned into a JSON tree, remembering the line of
/// every field so problems can be reported as <c>file:line: field: message</c>. Plain scalars are typed as in
/// YAML 1.2's core schema (null, booleans, numbers); <c>${NAME}</c> in a string is replaced by the environment
/// variable NAME, so secrets need not be written in the file (<c>$${</c> keeps a literal <c>${</c>).
/// </summary>
internal sealed class SourceDocument
{
    private readonly Dictionary<string, int> _lines;

    private SourceDocument(string path, JsonNode? root, Dictionary<string, int> lines)
    {
        Path = path;
        Root = root;
        _lines = lines;
    }

    /// <summary>The file as the user named it.</summary>
    public string Path { get; }

    /// <summary>The document's root; null for an empty document.</summary>
    public JsonNode? Root { get; }

    /// <summary>Reads and parses <paramref name="path"/>; throws <see cref="InvalidFileException"/> for a missing or malformed file.</summary>
    public static SourceDocument Load(string path, Func<string, string?> environment)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InvalidFileException(path, [new FileProblem(string.Empty, null, $"cannot be read: {ex.Message}")]);
        }

        return Parse(path, text, environment);
    }

    /// <summary>Parses <paramref name="text"/> as the content of <paramref name="path"/>.</summary>
    public static SourceDocument Parse(string path, string text, Func<string, string?> environment)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            var reason = (ex.InnerException as YamlException ?? ex).Message;
            throw new InvalidFileException(path, [new FileProblem(string.Empty, (int)ex.Start.Line, $"is not valid YAML or JSON: {reason}")]);
        }

        if (stream.Documents.Count > 1)
        {
            throw new InvalidFileException(path, [new FileProblem(string.Empty, (int)stream.Documents[1].RootNode.Start.Line, "holds several YAML documents; put one sync (or connection) in each file.")]);
        }

        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var problems = new List<FileProblem>();
        var root = stream.Documents.Count == 0 ? null : new YamlTreeConverter(lines, problems, environment).Convert(stream.Documents[0].RootNode, string.Empty);
        if (problems.Count > 0)
        {
            throw new InvalidFileException(path, problems);
        }

        // Round-trip so every value is JSON-backed: connectors read numbers with TryGetValue<int> and the like.
        return new SourceDocument(path, root is null ? null : JsonNode.Parse(root.ToJsonString()), lines);
    }

    /// <summary>The line of <paramref name="field"/>, or of its nearest enclosing field the file has.</summary>
    public int? LineOf(string field)
    {
        for (var path = field; ; path = Parent(path))
        {
            if (_lines.TryGetValue(path, out var line))
            {
                return line;
            }

            if (path.Length == 0)
            {
                return null;
            }
        }
    }

    /// <summary>A problem with <paramref name="field"/>, located at its line.</summary>
    public FileProblem Problem(string field, string message) => new(field, LineOf(field), message);

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? string.Empty : path[..cut];
    }
}
