using System.Text.RegularExpressions;
using ConnectorHub.Sdk.Streams.Requests;

namespace ConnectorHub.Sdk.Streams.Paging;

/// <summary>RFC 8288 <c>Link</c> header paging: the URL with <c>rel="next"</c> is the next page (GitHub, Shopify, Zendesk).</summary>
public sealed partial class LinkHeaderPaginator : IPaginator
{
    /// <inheritdoc />
    public void Apply(PageRequest request, string? token) => UrlToken.Apply(request, token);

    /// <inheritdoc />
    public string? Next(in PageArguments arguments) => UrlToken.Resolve(NextLink(arguments.Response.Header("Link")), arguments.Response);

    /// <summary>The target of the link with relation <c>next</c> in a <c>Link</c> header value, or null.</summary>
    public static string? NextLink(string? header)
    {
        if (string.IsNullOrEmpty(header))
        {
            return null;
        }

        foreach (Match link in Link().Matches(header))
        {
            var relations = link.Groups["params"].Value;
            foreach (Match rel in Rel().Matches(relations))
            {
                var values = rel.Groups[1].Success ? rel.Groups[1].Value : rel.Groups[2].Value;
                if (values.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("next", StringComparer.OrdinalIgnoreCase))
                {
                    return link.Groups["url"].Value;
                }
            }
        }

        return null;
    }

    [GeneratedRegex(@"<(?<url>[^>]*)>(?<params>(?:\s*;\s*[^;,]+(?:=(?:""[^""]*""|[^;,]*))?)*)", RegexOptions.CultureInvariant)]
    private static partial Regex Link();

    [GeneratedRegex(@"rel\s*=\s*(?:""([^""]*)""|([^\s;,]+))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Rel();
}
