using System.Globalization;
using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Streams.Requests;

namespace ConnectorHub.Sdk.Streams.Paging;

/// <summary>Options of <see cref="OffsetPaginator"/>.</summary>
public sealed record OffsetPaginationOptions
{
    /// <summary>Records per page, sent in <see cref="LimitOption"/>.</summary>
    public required int PageSize { get; init; }

    /// <summary>Where the offset goes (for example <c>offset</c>, or <c>start</c>).</summary>
    public RequestOption OffsetOption { get; init; } = RequestOption.InQuery("offset");

    /// <summary>Where the page size goes (for example <c>limit</c>); null sends none.</summary>
    public RequestOption? LimitOption { get; init; } = RequestOption.InQuery("limit");

    /// <summary>Where the body says whether more records follow (Pipedrive's <c>additional_data.pagination.more_items_in_collection</c>); null: a short page is the last.</summary>
    public string? HasMorePath { get; init; }
}

/// <summary>Offset/limit paging: the next offset is this one plus the page's records; a short page (or a false "has more") ends the loop.</summary>
public sealed class OffsetPaginator(OffsetPaginationOptions options) : IPaginator
{
    private readonly Records.FieldPath? _hasMore = options.HasMorePath is null ? null : Records.FieldPath.Parse(options.HasMorePath);

    /// <inheritdoc />
    public void Apply(PageRequest request, string? token)
    {
        options.LimitOption?.Apply(request, JsonValue.Create(options.PageSize));
        options.OffsetOption.Apply(request, JsonValue.Create(Offset(token)));
    }

    /// <inheritdoc />
    public string? Next(in PageArguments arguments)
    {
        var more = _hasMore is null
            ? arguments.RecordCount >= options.PageSize
            : _hasMore.SelectOne(arguments.Response.Body) is JsonValue v && v.TryGetValue(out bool b) && b;
        return more ? (Offset(arguments.Token) + arguments.RecordCount).ToString(CultureInfo.InvariantCulture) : null;
    }

    private static long Offset(string? token) => token is null ? 0 : long.Parse(token, CultureInfo.InvariantCulture);
}
