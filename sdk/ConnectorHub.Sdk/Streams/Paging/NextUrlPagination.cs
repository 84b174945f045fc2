using ConnectorHub.Sdk.Streams.Records;
using ConnectorHub.Sdk.Streams.Requests;

namespace ConnectorHub.Sdk.Streams.Paging;

/// <summary>Options of <see cref="NextUrlPaginator"/>.</summary>
public sealed record NextUrlPaginationOptions
{
    /// <summary>Where the next page's URL is in the body (for example <c>paging.next</c>, <c>links.next</c>).</summary>
    public required string NextUrlPath { get; init; }
}

/// <summary>Next-page URL paging: the body carries the full URL of the next page, which is requested as it is.</summary>
public sealed class NextUrlPaginator(NextUrlPaginationOptions options) : IPaginator
{
    private readonly FieldPath _path = FieldPath.Parse(options.NextUrlPath);

    /// <inheritdoc />
    public void Apply(PageRequest request, string? token) => UrlToken.Apply(request, token);

    /// <inheritdoc />
    public string? Next(in PageArguments arguments) => UrlToken.Resolve(_path.SelectText(arguments.Response.Body), arguments.Response);
}

/// <summary>A page token that is a URL: it replaces the request's path and query.</summary>
internal static class UrlToken
{
    public static void Apply(PageRequest request, string? token)
    {
        if (token is null)
        {
            return;
        }

        request.Path = token;
        request.Query.Clear(); // the URL carries every parameter of the next page
    }

    public static string? Resolve(string? next, PageResponse response)
    {
        if (string.IsNullOrWhiteSpace(next))
        {
            return null;
        }

        return response.RequestUri is { } current && Uri.TryCreate(current, next, out var absolute) ? absolute.AbsoluteUri : next;
    }
}
