using System.Text.Json.Nodes;

namespace ConnectorHub.Cli.Files;

/// <summary>Reads typed fields out of a <see cref="SourceDocument"/>, collecting every problem with its line.</summary>
internal sealed class FieldReader(SourceDocument document)
{
    private readonly List<FileProblem> _problems = [];

    public SourceDocument Document { get; } = document;

    public bool HasProblems => _problems.Count > 0;

    public void Add(string field, string message) => _problems.Add(Document.Problem(field, message));

    /// <summary>Throws <see cref="InvalidFileException"/> with every problem found so far.</summary>
    public void ThrowIfAny()
    {
        if (_problems.Count > 0)
        {
            throw Failure();
        }
    }

    /// <summary>The error listing every problem found so far, in line order.</summary>
    public InvalidFileException Failure() => new(Document.Path, _problems.OrderBy(p => p.Line ?? 0).ToArray());

    public JsonObject? Object(JsonNode? node, string field, bool required)
    {
        switch (node)
        {
            case JsonObject obj:
                return obj;
            case null when !required:
                return null;
            case null:
                Add(field, field.Length == 0 ? "is empty." : "is required.");
                return null;
            default:
                Add(field, $"must be a mapping (key: value pairs), not {Describe(node)}.");
                return null;
        }
    }

    public string? String(JsonObject parent, string key, string field, bool required)
    {
        switch (parent[key])
        {
            case JsonValue value when value.TryGetValue(out string? text) && !string.IsNullOrWhiteSpace(text):
                return text.Trim();
            case null when !parent.ContainsKey(key) && !required:
                return null;
            case null:
                Add(field, "is required.");
                return null;
            case var other:
                Add(field, $"must be a non-empty string, not {Describe(other)}.");
                return null;
        }
    }

    /// <summary>Reports every key of <paramref name="obj"/> that is not in <paramref name="allowed"/>.</summary>
    public void OnlyKnownKeys(JsonObject obj, string field, params string[] allowed)
    {
        foreach (var (key, _) in obj)
        {
            if (!allowed.Contains(key, StringComparer.Ordinal))
            {
                Add(field.Length == 0 ? key : $"{field}.{key}", $"is not a known field here. Known fields: {string.Join(", ", allowed)}.");
            }
        }
    }

    public static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "a mapping",
        JsonArray => "a list",
        JsonValue value when value.TryGetValue(out string? text) => $"the text '{text}'",
        _ => $"the value {node.ToJsonString()}",
    };
}
