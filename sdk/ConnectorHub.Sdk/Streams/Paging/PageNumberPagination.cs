using System.Globalization;
using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Streams.Requests;

namespace ConnectorHub.Sdk.Streams.Paging;

/// <summary>Options of <see cref="PageNumberPaginator"/>.</summary>
public sealed record PageNumberPaginationOptions
{
    /// <summary>Records per page.</summary>
    public required int PageSize { get; init; }

    /// <summary>The first page's number (1 for most APIs).</summary>
    public int FirstPage { get; init; } = 1;

    /// <summary>Where the page number goes.</summary>
    public RequestOption PageOption { get; init; } = RequestOption.InQuery("page");

    /// <summary>Where the page size goes; null sends none.</summary>
    public RequestOption? SizeOption { get; init; } = RequestOption.InQuery("per_page");

    /// <summary>Where the body gives the number of pages (for example <c>meta.total_pages</c>); null: a short page is the last.</summary>
    public string? TotalPagesPath { get; init; }
}

/// <summary>Page-number paging: pages 1, 2, 3, ... until a short page or the last page the body reports.</summary>
public sealed class PageNumberPaginator(PageNumberPaginationOptions options) : IPaginator
{
    private readonly Records.FieldPath? _total = options.TotalPagesPath is null ? null : Records.FieldPath.Parse(options.TotalPagesPath);

    /// <inheritdoc />
    public void Apply(PageRequest request, string? token)
    {
        options.SizeOption?.Apply(request, JsonValue.Create(options.PageSize));
        options.PageOption.Apply(request, JsonValue.Create(Page(token)));
    }

    /// <inheritdoc />
    public string? Next(in PageArguments arguments)
    {
        var page = Page(arguments.Token);
        var more = _total is null
            ? arguments.RecordCount >= options.PageSize
            : long.TryParse(_total.SelectText(arguments.Response.Body), NumberStyles.Integer, CultureInfo.InvariantCulture, out var total) && page < total;
        return more ? (page + 1).ToString(CultureInfo.InvariantCulture) : null;
    }

    private long Page(string? token) => token is null ? options.FirstPage : long.Parse(token, CultureInfo.InvariantCulture);
}
