using ConnectorHub.Host.Dashboard.Docs;

namespace ConnectorHub.Host.Tests.Dashboard;

public sealed class MarkdownRendererTests
{
    [Fact]
    public void ToHtml_RendersTheCommonReadmeShapes()
    {
        var html = MarkdownRenderer.ToHtml("""
            # File source

            Reads **CSV** and *JSON Lines* files; see [the docs](https://example.com/docs) or https://example.com/faq.

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
        Assert.Contains("<p>Reads <strong>CSV</strong> and <em>JSON Lines</em> files; see <a href=\"https://example.com/docs\" rel=\"noopener noreferrer\">the docs</a>"
            + " or <a href=\"https://example.com/faq\" rel=\"noopener noreferrer\">https://example.com/faq</a>.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<ul>\n<li>one <code>path</code> per stream</li>\n<li>resumes mid-file</li>\n</ul>", html, StringComparison.Ordinal);
        Assert.Contains("<thead>\n<tr>\n<th>setting</th>\n<th>meaning</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>path</td>\n<td>the folder</td>\n</tr>", html, StringComparison.Ordinal);
        Assert.Contains("<pre><code class=\"language-json\">{ &quot;path&quot;: &quot;/data&quot; }\n</code></pre>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_KeepsAListItemTogether_WhenItGoesOnOverIndentedLines()
    {
        var html = MarkdownRenderer.ToHtml("- CSV: one property per column; with `infer_types`,\n  a column is typed.\n- JSON Lines: as seen.\n\nAfter.");

        Assert.Equal("<ul>\n<li>CSV: one property per column; with <code>infer_types</code>,\na column is typed.</li>\n<li>JSON Lines: as seen.</li>\n</ul>\n<p>After.</p>\n", html);
    }

    [Fact]
    public void ToHtml_MovesHeadingsDownOneLevel_BecauseThePageHasItsOwnH1()
    {
        var html = MarkdownRenderer.ToHtml("# One\n\n## Two\n\n###### Six");

        Assert.Equal("<h2>One</h2>\n<h3>Two</h3>\n<h6>Six</h6>\n", html);
    }

    [Fact]
    public void ToHtml_CannotInjectMarkupOrScript()
    {
        var html = MarkdownRenderer.ToHtml("""
            <script>alert(1)</script>
            [click](javascript:alert(1)) <img src=x onerror=alert(1)> <javascript:alert(2)> ![pic](data:image/png;base64,AAAA)

            <div onclick="alert(3)">block</div>
            """);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<div", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<a ", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("click", html, StringComparison.Ordinal);
        Assert.Contains("pic", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_KeepsMailtoLinksAndHttpImages()
    {
        var html = MarkdownRenderer.ToHtml("[write](mailto:help@example.com) ![logo](https://example.com/logo.png)");

        Assert.Equal("<p><a href=\"mailto:help@example.com\" rel=\"noopener noreferrer\">write</a> <img src=\"https://example.com/logo.png\" alt=\"logo\" /></p>\n", html);
    }
}
