using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ConnectorHub.Host.Dashboard.Docs;

/// <summary>
/// Renders a plugin's README (CommonMark with pipe tables and bare links, by Markdig) as HTML that is safe to put
/// in a dashboard page: raw HTML in the Markdown is shown as text, and a link or image whose address is not
/// http(s) or mailto keeps only its text. Headings move down one level because the page has its own h1.
/// </summary>
public static class MarkdownRenderer
{
    private static readonly string[] SafeSchemes = [Uri.UriSchemeHttp, Uri.UriSchemeHttps, Uri.UriSchemeMailto];

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    /// <summary>The HTML of <paramref name="markdown"/>.</summary>
    public static string ToHtml(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Min(heading.Level + 1, 6);
        }

        // Collected before any change: Markdig's descendant walk does not survive the tree being edited under it.
        var links = document.Descendants().Where(node => node is LinkInline or AutolinkInline).ToList();
        foreach (var node in links)
        {
            switch (node)
            {
                case LinkInline link when !IsSafe(link.Url):
                    Unwrap(link);
                    break;
                case AutolinkInline autolink when !IsSafe(autolink.Url):
                    autolink.ReplaceBy(new LiteralInline(autolink.Url));
                    break;
                case LinkInline { IsImage: true }:
                    break;
                default:
                    node.GetAttributes().AddPropertyIfNotExist("rel", "noopener noreferrer");
                    break;
            }
        }

        return document.ToHtml(Pipeline);
    }

    private static bool IsSafe(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && SafeSchemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase);

    /// <summary>Replaces a link by its text (an image by its alt text).</summary>
    private static void Unwrap(LinkInline link)
    {
        while (link.FirstChild is { } child)
        {
            child.Remove();
            link.InsertBefore(child);
        }

        link.Remove();
    }
}
