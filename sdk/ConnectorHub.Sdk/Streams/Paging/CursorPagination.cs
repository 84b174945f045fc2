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

    /// <summary>
    /// The field of the page's last record that is the next cursor (Stripe's <c>starting_after</c> = the last id),
    /// instead of <see cref="NextCursorPath"/>; paging goes on while <see cref="HasMorePath"/> is true.
    /// </summary>
    public string? LastRecordField { get; init; }

    /// <summary>Where the body says whether more pages follow (for example <c>has_more</c>); null: a cursor means more.</summary>
    public string? HasMorePath { get; init; }

    /// <summary>Where the cursor goes in the next request (for example <c>RequestOption.InQuery("after")</c>).</summary>
    public required RequestOption CursorOption { get; init; }
}

/// <summary>Cursor paging: the API returns an opaque cursor for the next page; an absent or empty one ends the loop.</summary>
public sealed class CursorPaginator : IPaginator
{
    private readonly CursorPaginationOptions _options;
    private readonly FieldPath? _path;
    private readonly FieldPath? _lastRecordField;
    private readonly FieldPath? _hasMore;

    /// <summary>Creates the paginator.</summary>
    public CursorPaginator(CursorPaginationOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        if (new[] { options.NextCursorPath, options.NextCursorHeader, options.LastRecordField }.Count(o => o is not null) != 1)
        {
            throw new ArgumentException("Cursor pagination reads the next cursor from the body (NextCursorPath), a header (NextCursorHeader) or the last record (LastRecordField): give exactly one.", nameof(options));
        }

        _path = options.NextCursorPath is null ? null : FieldPath.Parse(options.NextCursorPath);
        _lastRecordField = options.LastRecordField is null ? null : FieldPath.Parse(options.LastRecordField);
        _hasMore = options.HasMorePath is null ? null : FieldPath.Parse(options.HasMorePath);
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
        if (_hasMore is not null && !(_hasMore.SelectOne(arguments.Response.Body) is JsonValue v && v.TryGetValue(out bool more) && more))
        {
            return null;
        }

        var next = _path is not null ? _path.SelectText(arguments.Response.Body)
            : _lastRecordField is not null ? _lastRecordField.SelectText(arguments.LastRecord)
            : arguments.Response.Header(_options.NextCursorHeader!);

        // "More" with no cursor to ask for it (an empty page that says has_more): the same token again, which the guard stops.
        return string.IsNullOrEmpty(next) ? (_hasMore is null ? null : arguments.Token ?? string.Empty) : next;
    }
}
