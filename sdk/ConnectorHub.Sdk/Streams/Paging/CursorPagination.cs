using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Streams.Records;

namespace ConnectorHub.Sdk.Streams.Paging;

/// <summary>Options of <see cref="CursorPaginator"/>: the next cursor read from the body or a header, sent back in a request option.</summary>
public sealed record CursorPaginationOptions
{
    /// <summary>Where the next cursor is in the body (for example <c>paging.next.after</c>, <c>cursor</c>); or null with <see cref="NextCursorHeader"/>.</summary>
    public string? NextCursorPath { get; init; }

    /// <summary>The response header holding the next cursor, instead of <see cref="NextCursorPath"/>.</summary>
    public string? NextCursorHeader { get; init; }

    /// <summary>Where the cursor goes in the next request (for example <c>RequestOption.InQuery("after")</c>).</summary>
    public required RequestOption CursorOption { get; init; }
}

/// <summary>Cursor paging: the API returns an opaque cursor for the next page; an absent or empty one ends the loop.</summary>
public sealed class CursorPaginator : IPaginator
{
    private readonly CursorPaginationOptions _options;
    private readonly FieldPath? _path;

    /// <summary>Creates the paginator.</summary>
    public CursorPaginator(CursorPaginationOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        if ((options.NextCursorPath is null) == (options.NextCursorHeader is null))
        {
            throw new ArgumentException("Cursor pagination reads the next cursor from the body (NextCursorPath) or a header (NextCursorHeader): give exactly one.", nameof(options));
        }

        _path = options.NextCursorPath is null ? null : FieldPath.Parse(options.NextCursorPath);
    }

    /// <inheritdoc />
    public void Apply(Requests.PageRequest request, string? token)
    {
        if (token is not null)
        {
            _options.CursorOption.Apply(request, JsonValue.Create(token));
        }
    }

    /// <inheritdoc />
    public string? Next(in PageArguments arguments)
    {
        var next = _path is not null ? _path.SelectText(arguments.Response.Body) : arguments.Response.Header(_options.NextCursorHeader!);
        return string.IsNullOrEmpty(next) ? null : next;
    }
}
