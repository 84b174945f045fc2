using ConnectorHub.Host.Dashboard.Docs;

namespace ConnectorHub.Host.Tests.Dashboard;

public sealed class MarkdownRendererTests
{
    [Fact]
    public void ToHtml_RendersTheCommonReadmeShapes()
    {
        var html = MarkdownRenderer.ToHtml("""
            # File source

            Reads **CSV** and *JSON Lines* files; see [the docs](https://example.com/docs).

            - one `path` per stream
            - resumes mid-file

            | setting | meaning |
            |---|---|
            | path | the folder |

            ```json
            { "path": "/data" }
            ```
            """);

        Assert.Contains("<h2>File source</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<p>Reads <strong>CSV</strong> and <em>JSON Lines</em> files; see <a href=\"https://example.com/docs\" rel=\"noopener noreferrer\">the docs</a>.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<ul>\n<li>one <code>path</code> per stream</li>\n<li>resumes mid-file</li>\n</ul>", html, StringComparison.Ordinal);
        Assert.Contains("<thead><tr><th>setting</th><th>meaning</th></tr></thead><tbody>\n<tr><td>path</td><td>the folder</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<pre><code>{ &quot;path&quot;: &quot;/data&quot; }</code></pre>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_KeepsAListItemTogether_WhenItGoesOnOverIndentedLines()
    {
        var html = MarkdownRenderer.ToHtml("- CSV: one property per column; with `infer_types`,\n  a column is typed.\n- JSON Lines: as seen.\n\nAfter.");

        Assert.Equal("<ul>\n<li>CSV: one property per column; with <code>infer_types</code>, a column is typed.</li>\n<li>JSON Lines: as seen.</li>\n</ul>\n<p>After.</p>\n", html);
    }

    [Fact]
    public void ToHtml_CannotInjectMarkupOrScript()
    {
        var html = MarkdownRenderer.ToHtml("""
            <script>alert(1)</script>
            [click](javascript:alert(1)) <img src=x onerror=alert(1)>
            """);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }
}
