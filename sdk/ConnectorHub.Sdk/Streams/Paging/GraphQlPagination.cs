using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Streams.Records;
using ConnectorHub.Sdk.Streams.Requests;

namespace ConnectorHub.Sdk.Streams.Paging;

/// <summary>Options of <see cref="GraphQlPaginator"/>.</summary>
public sealed record GraphQlPaginationOptions
{
    /// <summary>Where the connection's <c>pageInfo</c> is (for example <c>data.customers.pageInfo</c>).</summary>
    public required string PageInfoPath { get; init; }

    /// <summary>The variable the cursor goes into (<c>variables.after</c> in the body by default).</summary>
    public RequestOption CursorOption { get; init; } = RequestOption.InBody("variables.after");
}

/// <summary>GraphQL connection paging: <c>pageInfo.hasNextPage</c> and <c>pageInfo.endCursor</c>, sent back as the <c>after</c> variable.</summary>
public sealed class GraphQlPaginator(GraphQlPaginationOptions options) : IPaginator
{
    private readonly FieldPath _pageInfo = FieldPath.Parse(options.PageInfoPath);

    /// <inheritdoc />
    public void Apply(PageRequest request, string? token)
    {
        if (token is not null)
        {
            options.CursorOption.Apply(request, JsonValue.Create(token));
        }
    }

    /// <inheritdoc />
    public string? Next(in PageArguments arguments)
    {
        var info = _pageInfo.SelectOne(arguments.Response.Body);
        var hasNext = info?["hasNextPage"] is JsonValue v && v.TryGetValue(out bool b) && b;
        var cursor = info?["endCursor"]?.GetValue<string>();
        return hasNext && !string.IsNullOrEmpty(cursor) ? cursor : null;
    }
}
