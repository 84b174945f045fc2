using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ConnectorHub.Host.Dashboard.Docs;

/// <summary>
/// Renders the Markdown of a plugin's README simply and safely: headings, paragraphs, lists, fenced code, pipe
/// tables, inline code, bold, italics and http(s) links. Everything is HTML-encoded first, so a README cannot
/// inject markup or script.
/// </summary>
public static partial class MarkdownRenderer
{
    public static string ToHtml(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var html = new StringBuilder();
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var paragraph = new List<string>();
        string? list = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            if (trimmed.StartsWith("```", StringComparison.Ordinal))
            {
                Flush(html, paragraph, ref list);
                var code = new List<string>();
                for (i++; i < lines.Length && !lines[i].Trim().StartsWith("```", StringComparison.Ordinal); i++)
                {
                    code.Add(lines[i]);
                }

                html.Append("<pre><code>").Append(WebUtility.HtmlEncode(string.Join('\n', code))).Append("</code></pre>\n");
            }
            else if (Heading().Match(trimmed) is { Success: true } heading)
            {
                Flush(html, paragraph, ref list);
                var level = Math.Min(heading.Groups[1].Length + 1, 6); // the page has its own h1
                html.Append(System.Globalization.CultureInfo.InvariantCulture, $"<h{level}>{Inline(heading.Groups[2].Value)}</h{level}>\n");
            }
            else if (trimmed.StartsWith('|') && i + 1 < lines.Length && TableRule().IsMatch(lines[i + 1].Trim()))
            {
                Flush(html, paragraph, ref list);
                html.Append("<table><thead><tr>");
                foreach (var cell in Cells(trimmed))
                {
                    html.Append("<th>").Append(Inline(cell)).Append("</th>");
                }

                html.Append("</tr></thead><tbody>\n");
                for (i += 2; i < lines.Length && lines[i].Trim().StartsWith('|'); i++)
                {
                    html.Append("<tr>");
                    foreach (var cell in Cells(lines[i].Trim()))
                    {
                        html.Append("<td>").Append(Inline(cell)).Append("</td>");
                    }

                    html.Append("</tr>\n");
                }

                i--;
                html.Append("</tbody></table>\n");
            }
            else if (ListItem().Match(line) is { Success: true } item)
            {
                FlushParagraph(html, paragraph);
                var kind = char.IsDigit(item.Groups[1].Value[0]) ? "ol" : "ul";
                if (list != kind)
                {
                    CloseList(html, ref list);
                    html.Append('<').Append(kind).Append(">\n");
                    list = kind;
                }

                // A list item may go on over indented lines.
                var text = item.Groups[2].Value.Trim();
                while (i + 1 < lines.Length && lines[i + 1].StartsWith("  ", StringComparison.Ordinal) && lines[i + 1].Trim().Length > 0
                    && !ListItem().IsMatch(lines[i + 1]) && !lines[i + 1].Trim().StartsWith("```", StringComparison.Ordinal))
                {
                    text += " " + lines[++i].Trim();
                }

                html.Append("<li>").Append(Inline(text)).Append("</li>\n");
            }
            else if (trimmed.Length == 0)
            {
                Flush(html, paragraph, ref list);
            }
            else
            {
                CloseList(html, ref list);
                paragraph.Add(trimmed);
            }
        }

        Flush(html, paragraph, ref list);
        return html.ToString();
    }

    private static IEnumerable<string> Cells(string row) => row.Trim('|').Split('|').Select(c => c.Trim());

    private static void Flush(StringBuilder html, List<string> paragraph, ref string? list)
    {
        FlushParagraph(html, paragraph);
        CloseList(html, ref list);
    }

    private static void FlushParagraph(StringBuilder html, List<string> paragraph)
    {
        if (paragraph.Count > 0)
        {
            html.Append("<p>").Append(Inline(string.Join(' ', paragraph))).Append("</p>\n");
            paragraph.Clear();
        }
    }

    private static void CloseList(StringBuilder html, ref string? list)
    {
        if (list is not null)
        {
            html.Append("</").Append(list).Append(">\n");
            list = null;
        }
    }

    private static string Inline(string text)
    {
        var encoded = WebUtility.HtmlEncode(text);
        var parts = InlineCode().Split(encoded);
        var result = new StringBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            if (i % 2 == 1)
            {
                result.Append("<code>").Append(parts[i]).Append("</code>");
                continue;
            }

            var part = Link().Replace(parts[i], m => $"<a href=\"{m.Groups[2].Value}\" rel=\"noopener noreferrer\">{m.Groups[1].Value}</a>");
            part = Bold().Replace(part, "<strong>$1</strong>");
            part = Italic().Replace(part, "<em>$1</em>");
            result.Append(part);
        }

        return result.ToString();
    }

    [GeneratedRegex(@"^(#{1,6})\s+(.*)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")]
    private static partial Regex TableRule();

    [GeneratedRegex(@"^\s{0,3}([-*+]|\d+\.)\s+(.*)$")]
    private static partial Regex ListItem();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"\[([^\]]+)\]\((https?://[^\s)""]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\*\*([^*]+)\*\*")]
    private static partial Regex Bold();

    [GeneratedRegex(@"(?<![\w*])\*([^*\s][^*]*)\*(?![\w*])")]
    private static partial Regex Italic();
}
