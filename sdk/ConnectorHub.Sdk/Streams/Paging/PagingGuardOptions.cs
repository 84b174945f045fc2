namespace ConnectorHub.Sdk.Streams.Paging;

/// <summary>
/// The paging guards every stream runs, on by default: a page token seen before (the read would loop), an empty
/// page that still points to a next one (it would page on forever), and a cap on pages per slice.
/// </summary>
public sealed record PagingGuardOptions
{
    /// <summary>Stop when the API returns a page token it returned before. Default on.</summary>
    public bool StopOnRepeatedToken { get; init; } = true;

    /// <summary>Stop when an empty page still has a next token. Default on.</summary>
    public bool StopOnEmptyPageWithNext { get; init; } = true;

    /// <summary>
    /// How many empty pages with a next token in a row are read before the guard stops the loop (with
    /// <see cref="StopOnEmptyPageWithNext"/>). Default 0: the first one stops it. Some APIs (Meta's) legitimately page
    /// through a few empty pages of filtered data.
    /// </summary>
    public int EmptyPagesWithNextAllowed { get; init; }

    /// <summary>The most pages one page loop may read before it stops with an error. Default 200,000.</summary>
    public int MaxPages { get; init; } = 200_000;
}
