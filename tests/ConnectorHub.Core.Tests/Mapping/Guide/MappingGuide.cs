using System.Text.RegularExpressions;

namespace ConnectorHub.Core.Tests.Mapping.Guide;

/// <summary>A fenced YAML or JSON block of <c>docs/mapping.md</c>, with the entity a fragment maps to (null for a whole mapping).</summary>
public sealed record GuideBlock(int Line, string Language, string? FragmentEntity, string Text);

/// <summary>Reads <c>docs/mapping.md</c>: its mapping blocks, its sections and its tables, so tests run what it shows.</summary>
internal static partial class MappingGuide
{
    public static readonly string Text = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "mapping.md")).Replace("\r\n", "\n", StringComparison.Ordinal);

    public static IReadOnlyList<GuideBlock> Blocks() => Block().Matches(Text)
        .Select(m => new GuideBlock(
            Text[..m.Index].Count(c => c == '\n') + 1,
            m.Groups["lang"].Value,
            m.Groups["entity"].Success ? m.Groups["entity"].Value : null,
            m.Groups["code"].Value))
        .ToArray();

    /// <summary>The text under a <c>### heading</c> up to the next heading.</summary>
    public static string Section(string heading)
    {
        var start = Text.IndexOf("\n### " + heading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/mapping.md has no section '### {heading}'");
        var end = Text.IndexOf("\n#", start + 4, StringComparison.Ordinal);
        return Text[start..(end < 0 ? Text.Length : end)];
    }

    /// <summary>The body rows of the first table in <paramref name="section"/>, as cells.</summary>
    public static IReadOnlyList<string[]> TableRows(string section) => section.Split('\n')
        .SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')).Skip(2)
        .Select(l => l.Trim('|').Split('|').Select(c => c.Trim()).ToArray())
        .ToArray();

    /// <summary>The values written in backticks in <paramref name="text"/>.</summary>
    public static IReadOnlyList<string> Quoted(string text) => Backticked().Matches(text).Select(m => m.Groups[1].Value).ToArray();

    /// <summary>
    /// The examples written <c>`input` -> `output`</c> (several inputs may share one output: <c>`UK`, `England` -> `GB`</c>).
    /// </summary>
    public static IReadOnlyList<(string Input, string Output)> Arrows(string section)
    {
        var flat = Regex.Replace(section, @"\s+", " ");
        var pairs = new List<(string, string)>();
        var inputs = new List<string>();
        var lastEnd = 0;
        var expectOutput = false;
        foreach (Match token in Token().Matches(flat))
        {
            var between = flat[lastEnd..token.Index];
            lastEnd = token.Index + token.Length;
            if (token.Value == "->")
            {
                expectOutput = between.Trim().Length == 0 && inputs.Count > 0;
                continue;
            }

            var value = token.Groups[1].Value;
            if (expectOutput)
            {
                pairs.AddRange(inputs.Select(i => (i, value)));
                inputs.Clear();
                expectOutput = false;
                continue;
            }

            if (between.Trim() != ",")
            {
                inputs.Clear();
            }

            inputs.Add(value);
        }

        return pairs;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ConnectorHub.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ConnectorHub.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"(?:<!-- fragment: (?<entity>\w+) -->\n)?```(?<lang>yaml|json)\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Block();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Backticked();

    [GeneratedRegex("`([^`]+)`|->")]
    private static partial Regex Token();
}
