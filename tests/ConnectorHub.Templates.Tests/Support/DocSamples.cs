using System.Text.RegularExpressions;
using ConnectorHub.TestSupport;

namespace ConnectorHub.Templates.Tests.Support;

/// <summary>A code sample of the connector guide and the file it is taken from.</summary>
public sealed record DocSample(string Source, string File, string Code, int Line);

/// <summary>
/// The samples of <c>docs/writing-a-connector.md</c>. Each fenced code block right after a marker
/// <c>&lt;!-- sample: SOURCE PATH --&gt;</c> is an excerpt of the file PATH, as the template SOURCE generates it for
/// the name Acme, or (SOURCE <c>repo</c>) as it is in the repository: so the guide's code is real code.
/// </summary>
public static partial class DocSamples
{
    /// <summary>The source name of samples taken from the repository's own files.</summary>
    public const string Repository = "repo";

    public static string GuidePath => Path.Combine(RepoPaths.Root, "docs", "writing-a-connector.md");

    public static IReadOnlyList<DocSample> Of(string source)
    {
        var text = Normalize(File.ReadAllText(GuidePath));
        return Marker().Matches(text)
            .Where(m => m.Groups["source"].Value == source)
            .Select(m => new DocSample(source, m.Groups["file"].Value, m.Groups["code"].Value, text[..m.Index].Count(c => c == '\n') + 1))
            .ToArray();
    }

    /// <summary>
    /// Whether <paramref name="sample"/>'s lines are consecutive lines of <paramref name="file"/>, as they are or
    /// moved left as a block (the guide drops the indentation of code taken from inside a class).
    /// </summary>
    public static bool IsExcerptOf(DocSample sample, string file)
    {
        var wanted = Dedent(sample.Code.Split('\n'));
        var lines = Normalize(file).Split('\n');
        for (var start = 0; start + wanted.Length <= lines.Length; start++)
        {
            if (Dedent(lines[start..(start + wanted.Length)]).SequenceEqual(wanted, StringComparer.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string[] Dedent(string[] lines)
    {
        var indent = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart(' ').Length).DefaultIfEmpty(0).Min();
        return lines.Select(l => l.Trim().Length == 0 ? string.Empty : l[indent..]).ToArray();
    }

    [GeneratedRegex(@"<!-- sample: (?<source>\S+) (?<file>\S+) -->\n```[a-z]*\n(?<code>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex Marker();
}
